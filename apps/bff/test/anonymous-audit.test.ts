// Requests without a signed-in caller cannot grow the audit log without bound: what they store is validated and
// length-bounded, never a secret, and past the first one per address and minute they are counted, not written.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MemoryStore } from 'express-rate-limit';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, FIELD_LIMITS } from '../src/audit/audit-log.ts';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** Forty upper-case letters and digits: could be someone's secret, is no access key ID (no AKIA/ASIA). */
const UPPER_SECRET = 'Q7ZX2MVB9KRT4WNP8HJC3LDF6GSY5AEU1OIQ0XZV';
const HUGE = 'A'.repeat(100_000);

function setup(env: Record<string, string> = {}) {
  h = createHarness(fakeAws(signInHandlers([admin]).handlers).makeClients, { env });
}

/** Sign-in attempts of every wrong kind, as an anonymous client would send them. */
function refusedSignIn(i: number): object {
  switch (i % 8) {
    case 0: return { accessKeyId: HUGE, secretAccessKey: 'x' };
    case 1: return { accessKeyId: SECRET, secretAccessKey: admin.accessKeyId }; // the two fields swapped
    case 2: return { accessKeyId: UPPER_SECRET, secretAccessKey: SECRET };
    case 3: return { accessKeyId: admin.accessKeyId, secretAccessKey: SECRET }; // a real key id, a wrong secret
    case 4: return { demoIdentity: HUGE };
    case 5: return { accessKeyId: `AKIA${'B'.repeat(16)}`, secretAccessKey: SECRET, mfaCode: HUGE.slice(0, 50_000) };
    case 6: return { [SECRET]: SECRET };
    default: return { accessKeyId: `ASIA${'C'.repeat(16)}`, secretAccessKey: SECRET };
  }
}

const rows = () => h.auditLog.list({ limit: 10_000 }).reverse();
const anonymousRows = () => rows().filter((e) => e.callerArn === null);

/** Everything the audit database holds on disk (its file and write-ahead log), as text. */
function auditFiles(): string {
  return readdirSync(h.dataDir).filter((f) => f.startsWith('audit.sqlite')).map((f) => readFileSync(join(h.dataDir, f)).toString('latin1')).join('');
}

describe('anonymous requests in the audit log', () => {
  it('1000 refused sign-ins with huge or secret-looking fields write a few bounded entries, none holding a secret', async () => {
    setup();
    const b = await browser(h.app);
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i++) statuses.add((await b.signIn(refusedSignIn(i))).status);
    expect([...statuses].sort()).toEqual([400, 401, 429]); // invalid bodies, wrong secrets, then the rate limit
    // One more from a new minute: the last minute's count is written.
    h.clock.advance(60_000);
    await b.signIn(refusedSignIn(1));

    const entries = anonymousRows();
    expect(entries.length).toBeLessThanOrEqual(3);
    for (const e of entries) expect(JSON.stringify(e).length).toBeLessThan(1024);
    const counted = entries.find((e) => e.count > 1);
    expect(counted).toMatchObject({ operation: 'SignIn', result: 'failure', count: 999, errorCode: 'RateLimited', httpStatus: 429 });
    expect(counted!.target).toMatch(/^999 requests without a signed-in caller from \S+ in the 60 s from \S+: \d{3} RateLimited, \d+ ValidationError, /);
    expect(counted!.target).toContain('InvalidCredentials');
    expect(entries.map((e) => e.target)).toContain('invalid');
    const stored = auditFiles();
    for (const secret of [SECRET, UPPER_SECRET, 'A'.repeat(200)]) expect(stored).not.toContain(secret);
  }, 60_000);

  it('names the access key ID tried only when it looks like one; a demo identity only when it is one', async () => {
    setup();
    const b = await browser(h.app);
    const targets: string[] = [];
    for (const body of [
      { accessKeyId: admin.accessKeyId, secretAccessKey: SECRET },
      { accessKeyId: SECRET, secretAccessKey: admin.accessKeyId },
      { accessKeyId: UPPER_SECRET, secretAccessKey: SECRET },
      { accessKeyId: 'A'.repeat(500_000), secretAccessKey: SECRET },
      { accessKeyId: 42, secretAccessKey: SECRET },
      { demoIdentity: 'admin' }, // not local mode: no demo identities at all
      { credentialChain: true },
      {},
    ]) {
      h.clock.advance(60_000); // each its own minute: the first request of an address is written as it is
      await b.signIn(body);
      targets.push(anonymousRows().at(-1)!.target);
    }
    expect(targets).toEqual([admin.accessKeyId, 'invalid', 'invalid', 'invalid', 'invalid', 'demo:invalid', 'credential-chain', '']);
  });

  it('counts the requests of each address in a minute in one entry, and of more than ten addresses in one more', async () => {
    setup({ TRUST_PROXY: '1' });
    const from = (address: string) => request(h.app).post('/api/groups').set('x-forwarded-for', address).send({ groupName: 'x' });
    for (let i = 0; i < 30; i++) for (let n = 0; n < 3; n++) expect((await from(`203.0.113.${i}`)).status).toBe(403);
    for (let n = 0; n < 4; n++) expect((await from(`2001:db8:0:${n}::1`)).status).toBe(403); // one /56
    h.clock.advance(60_000);
    expect((await from('198.51.100.1')).status).toBe(403);

    const entries = anonymousRows();
    const single = entries.filter((e) => e.count === 1);
    expect(single.map((e) => [e.operation, e.errorCode, e.httpStatus])).toEqual(Array(11).fill(['POST /api/groups', 'CsrfTokenInvalid', 403]));
    const counts = entries.filter((e) => e.count > 1).map((e) => [e.count, e.target.replace(/ in the .*/, '')]);
    expect(counts).toEqual([
      ...Array.from({ length: 10 }, (_, i) => [2, `2 requests without a signed-in caller from 203.0.113.${i}`]),
      [20 * 3 + 4, `64 requests without a signed-in caller from other addresses`],
    ]);
  });

  it('writes a counted minute when the log closes', async () => {
    setup();
    for (let i = 0; i < 5; i++) await request(h.app).post('/api/groups').send({ groupName: 'x' });
    expect(anonymousRows()).toHaveLength(1);
    h.auditLog.close();
    const db = new Database(join(h.dataDir, 'audit.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT operation, count FROM audit_log ORDER BY id').all();
    db.close();
    expect(stored).toEqual([{ operation: 'POST /api/groups', count: 1 }, { operation: 'POST /api/groups', count: 4 }]);
    h.auditLog = new AuditLog(join(h.dataDir, 'audit.sqlite')); // for close() after the test
  });

  it('still writes every request of a signed-in caller as its own entry, count 1', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    for (let i = 0; i < 20; i++) await b.agent.post('/api/groups').send({ groupName: 'x' }); // no CSRF token
    expect(rows().map((e) => [e.operation, e.callerArn, e.count])).toEqual([
      ['SignIn', admin.arn, 1],
      ...Array(20).fill(['POST /api/groups', admin.arn, 1]),
    ]);
  });
});

describe('sign-in rate limit counters', () => {
  it('key a counter only by an access key ID or demo id the sign-in could accept, never by a huge value sent', async () => {
    const keys: string[] = [];
    class Recording extends MemoryStore {
      override increment(key: string) {
        keys.push(key);
        return super.increment(key);
      }
    }
    h = createHarness(fakeAws(signInHandlers([admin]).handlers).makeClients, { deps: { rateLimitStore: () => new Recording() } });
    const b = await browser(h.app);
    for (let i = 0; i < 16; i++) await b.signIn(refusedSignIn(i));
    expect(keys.length).toBeGreaterThan(16);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(140);
    expect(keys).toContain(`key:${admin.accessKeyId}`);
  });
});

describe('audit entry bounds', () => {
  it('cuts every text field to its bound', () => {
    setup();
    const long = 'x'.repeat(100_000);
    h.auditLog.append({ time: new Date().toISOString(), callerArn: long, operation: long, target: long, result: 'failure', errorCode: long, awsRequestId: long, httpStatus: 400 });
    const [entry] = h.auditLog.list({ limit: 1 });
    expect(entry).toMatchObject({ count: 1 });
    for (const field of ['callerArn', 'operation', 'target', 'errorCode', 'awsRequestId'] as const) {
      expect(entry![field]).toHaveLength(FIELD_LIMITS[field]);
      expect(entry![field]!.endsWith('…')).toBe(true);
    }
  });

  it('opens a log written before entries had a count, keeping its entries append-only', () => {
    setup();
    h.auditLog.close();
    const file = join(h.dataDir, 'old-audit.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, caller_arn TEXT, operation TEXT NOT NULL, target TEXT NOT NULL,
      result TEXT NOT NULL CHECK (result IN ('success', 'failure')), error_code TEXT, aws_request_id TEXT, http_status INTEGER NOT NULL);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      INSERT INTO audit_log (time, caller_arn, operation, target, result, http_status) VALUES ('2024-01-01T00:00:00.000Z', 'arn:aws:iam::1:user/a', 'CreateUser', 'user/b', 'success', 201);`);
    old.close();
    h.auditLog = new AuditLog(file);
    h.auditLog.append({ time: '2024-01-02T00:00:00.000Z', callerArn: null, operation: 'SignIn', target: '', result: 'failure', httpStatus: 401, count: 3 });
    expect(h.auditLog.list({ limit: 10 }).map((e) => [e.operation, e.count])).toEqual([['SignIn', 3], ['CreateUser', 1]]);
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit_log SET result = 'failure'").run()).toThrow(/append-only/);
    db.close();
  });
});
