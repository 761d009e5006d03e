// The audit store contract (helpers/audit-store-contract.ts) run against SQLite and against PostgreSQL (a
// throwaway cluster from Debian's packages), and what only PostgreSQL has to prove: migrations run once when
// replicas start together, and the append-only rule holds for the superuser and for TRUNCATE too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.ts';
import { MIGRATIONS, PostgresAuditLog } from '../src/audit/postgres-audit-log.ts';
import { auditStoreContract } from './helpers/audit-store-contract.ts';
import { startPostgres } from './helpers/postgres.ts';
import type { Postgres } from './helpers/postgres.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { ACCOUNT, admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

async function asUser<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('SQLite audit store', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  auditStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-audit-store-'));
    dirs.push(dir);
    const file = join(dir, 'audit.sqlite');
    return {
      store: new AuditLog(file),
      reopen: async () => new AuditLog(file),
      sql: async (statement) => {
        const db = new Database(file);
        try {
          return db.prepare(statement).run();
        } finally {
          db.close();
        }
      },
    };
  });
});

describe('PostgreSQL audit store', () => {
  let postgres: Postgres;
  let databases = 0;
  const freshDatabase = () => postgres.createDatabase(`audit_${++databases}`);
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  auditStoreContract(async () => {
    const url = await freshDatabase();
    return {
      store: await PostgresAuditLog.open(url),
      reopen: () => PostgresAuditLog.open(url),
      sql: (statement) => asUser(url, (client) => client.query(statement)),
    };
  });

  it('migrates once when replicas start together (advisory lock), and a later start finds nothing to do', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 6 }, () => PostgresAuditLog.open(url, { poolSize: 2 })));
    await Promise.all(stores.map((s, i) => s.append({ time: new Date().toISOString(), callerArn: null, operation: `Start${i}`, target: '', result: 'success', httpStatus: 200 })));
    await Promise.all(stores.map((s) => s.close()));
    const again = await PostgresAuditLog.open(url);
    expect(await again.list({ limit: 10 })).toHaveLength(6);
    await again.close();
    const versions = await asUser(url, (c) => c.query<{ version: number }>('SELECT version FROM audit_schema_migrations ORDER BY version'));
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the console’s role (no privilege) and to the superuser (trigger)', async () => {
    const url = await freshDatabase();
    const store = await PostgresAuditLog.open(url);
    await store.append({ time: new Date().toISOString(), callerArn: 'arn:aws:iam::123456789012:user/Alice', operation: 'DeleteUser', target: 'user/bob', result: 'success', httpStatus: 204 });
    await store.close();
    for (const statement of ["UPDATE audit_log SET target = 'user/nobody'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      await expect(asUser(url, (c) => c.query(statement))).rejects.toThrow(/permission denied for table audit_log/);
      await expect(asUser(url.replace('iam_console@', 'postgres@'), (c) => c.query(statement))).rejects.toThrow(/audit_log is append-only/);
    }
    const rows = await asUser(url, (c) => c.query<{ target: string }>('SELECT target FROM audit_log'));
    expect(rows.rows).toEqual([{ target: 'user/bob' }]);
  });

  it('runs with a role that may only INSERT and SELECT when another role created the schema (and finds no migration to run)', async () => {
    const url = await freshDatabase();
    const owner = await PostgresAuditLog.open(url.replace('iam_console@', 'postgres@'));
    await owner.close();
    await asUser(url.replace('iam_console@', 'postgres@'), async (c) => {
      await c.query('ALTER TABLE audit_log OWNER TO postgres');
      await c.query('ALTER TABLE audit_schema_migrations OWNER TO postgres');
      await c.query('REVOKE ALL ON audit_log, audit_schema_migrations FROM iam_console');
      await c.query('GRANT INSERT, SELECT ON audit_log TO iam_console');
      await c.query('GRANT SELECT ON audit_schema_migrations TO iam_console');
      await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC, iam_console');
    });
    const store = await PostgresAuditLog.open(url);
    await store.append({ time: new Date().toISOString(), callerArn: null, operation: 'Limited', target: '', result: 'success', httpStatus: 200 });
    expect((await store.list({ limit: 1 }))[0]).toMatchObject({ operation: 'Limited' });
    await store.close();
    await expect(asUser(url, (c) => c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change'))).rejects.toThrow(/must be owner/);
  });

  it('reports a lost connection to onError instead of ending the process, and refuses appends while PostgreSQL is gone', async () => {
    const own = await startPostgres();
    const errors: Error[] = [];
    const store = await PostgresAuditLog.open(own.url, { onError: (err) => errors.push(err) });
    own.stop();
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(errors.length).toBeGreaterThan(0);
    await expect(store.append({ time: new Date().toISOString(), callerArn: null, operation: 'X', target: '', result: 'success', httpStatus: 200 })).rejects.toThrow();
    await store.close();
  });

  it('does not start when PostgreSQL cannot be reached, and says so', async () => {
    await expect(PostgresAuditLog.open('postgres://iam_console@127.0.0.1:1/iam_console')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('PostgreSQL audit log behind the app', () => {
  let postgres: Postgres;
  let store: PostgresAuditLog;
  let url: string;
  let h: Harness;
  let aws: ReturnType<typeof fakeAws>;
  beforeAll(async () => {
    postgres = await startPostgres();
    url = postgres.url;
    store = await PostgresAuditLog.open(url);
    aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      CreateGroup: (i) => ({ Group: { GroupName: i.GroupName, GroupId: 'AGPAX', Arn: `arn:aws:iam::${ACCOUNT}:group/${String(i.GroupName)}`, Path: '/', CreateDate: new Date() } }),
    });
    h = createHarness(aws.makeClients, { deps: { auditLog: store } });
  }, 60_000);
  afterAll(async () => {
    h?.close();
    await store?.close();
    postgres?.stop();
  });

  /** Runs `request` while the superuser holds a lock that makes audit INSERTs wait; `inFlight` sees it waiting. */
  async function whileInsertsWait<T>(request: () => Promise<T>, inFlight: (answered: () => boolean) => void): Promise<T> {
    const superuser = new pg.Client({ connectionString: postgres.adminUrl });
    await superuser.connect();
    try {
      await superuser.query('BEGIN');
      await superuser.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
      let done = false;
      const pending = request().finally(() => (done = true));
      for (let waiting = 0; waiting === 0; ) {
        // Inside a transaction pg_stat_activity is one snapshot unless cleared.
        await superuser.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await superuser.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO audit_log%'");
        waiting = rows[0]!.n;
      }
      inFlight(() => done);
      await superuser.query('COMMIT');
      return await pending;
    } finally {
      await superuser.end();
    }
  }

  it('holds the answer to a request without a signed-in caller, written as an entry of its own, until it is committed', async () => {
    const res = await whileInsertsWait(
      () => request(h.app).post('/api/groups').set('origin', 'http://evil.example').send({ groupName: 'x' }).then((r) => r),
      (answered) => expect(answered()).toBe(false),
    );
    expect(res.status).toBe(403);
    expect((await store.list({ limit: 1 }))[0]).toMatchObject({ callerArn: null, result: 'failure', httpStatus: 403 });
  });

  it('holds a change’s answer until its entry is committed', async () => {
    const b = await browser(h.app);
    expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
    const res = await whileInsertsWait(
      () => b.post('/api/groups', { groupName: 'held' }).then((r) => r),
      (answered) => {
        expect(aws.calls.map((c) => c.command)).toContain('CreateGroup');
        expect(answered()).toBe(false);
      },
    );
    expect(res.status).toBe(201);
    expect((await store.list({ limit: 1 }))[0]).toMatchObject({ operation: 'CreateGroup', target: 'group/held', result: 'success', callerArn: admin.arn });
  });

  it('withholds the answer when the entry cannot be committed: the client sees the request fail, never a 2xx', async () => {
    const b = await browser(h.app);
    expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
    await asUser(postgres.adminUrl, (c) => c.query('REVOKE INSERT ON audit_log FROM iam_console'));
    try {
      await expect(b.post('/api/groups', { groupName: 'unrecorded' })).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(h.logs.join('')).toContain('could not write the audit log');
      expect((await b.get('/api/session')).body).toMatchObject({ signedIn: true });
    } finally {
      await asUser(postgres.adminUrl, (c) => c.query('GRANT INSERT ON audit_log TO iam_console'));
    }
    expect((await store.list({ limit: 10 })).map((e) => e.target)).not.toContain('group/unrecorded');
  });
});
