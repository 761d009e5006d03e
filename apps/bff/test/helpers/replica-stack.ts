// BFF replicas as real processes (src/main.ts), as they run behind a load balancer: one embedded endpoint
// process (iam-local, demo account), one Redis, one PostgreSQL, the same SESSION_ENCRYPTION_KEY, each replica
// on its own data directory that outlives it (a replica restarted under the same name comes back on it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { GetGroupCommand, GetUserCommand, IAMClient, ListGroupsForUserCommand } from '@aws-sdk/client-iam';
import { PostgresAuditLog } from '../../src/audit/postgres-audit-log.ts';
import type { AuditEntry } from '../../src/audit/audit-store.ts';
import { readProfile } from './iam-endpoint.ts';
import { freePort, startBffProcess, startEndpointProcess } from './local-stack.ts';
import type { StackProcess } from './local-stack.ts';
import { startPostgres } from './postgres.ts';
import type { Postgres } from './postgres.ts';
import { startRedis } from './redis.ts';
import type { Redis } from './redis.ts';

const SESSION_KEY = 'cd'.repeat(32);

export interface ReplicaStack {
  endpoint: StackProcess;
  postgres: Postgres;
  /** Starts a replica on `<dir>/<name>`; it is killed by `stop` if still running. */
  startReplica(name: string): Promise<StackProcess>;
  /**
   * Holds every audit INSERT (a superuser's EXCLUSIVE lock on the table; reads go on) until the returned function
   * releases it: writes wait, after their change in IAM, for their entry.
   */
  holdAuditWrites(): Promise<() => Promise<void>>;
  /** The audit log as PostgreSQL holds it, oldest first. */
  auditEntries(): Promise<AuditEntry[]>;
  /** What IAM holds, read as the account's root user straight from the endpoint. */
  iam: {
    groupExists(groupName: string): Promise<boolean>;
    userExists(userName: string): Promise<boolean>;
    groupsOf(userName: string): Promise<string[]>;
  };
  /** Kills every process, stops Redis and PostgreSQL, removes the files; safe after a partial start. */
  stop(): Promise<void>;
}

export async function startReplicaStack(): Promise<ReplicaStack> {
  const dir = mkdtempSync(join(tmpdir(), 'bff-replica-stack-'));
  const processes = new Set<StackProcess>();
  let redis: Redis | undefined;
  let postgres: Postgres | undefined;
  let iamClient: IAMClient | undefined;
  const stop = async () => {
    iamClient?.destroy();
    await Promise.allSettled([...processes].map((p) => p.kill()));
    await redis?.stop().catch(() => undefined);
    try {
      postgres?.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const iamDir = join(dir, 'iam');
    const [endpoint, startedRedis, startedPostgres] = await Promise.all([
      freePort().then((port) => startEndpointProcess(iamDir, port)).then((p) => (processes.add(p), p)),
      startRedis().then((r) => (redis = r)),
      startPostgres().then((p) => (postgres = p)),
    ]);
    const iam = (iamClient = new IAMClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: readProfile(join(iamDir, 'credentials'), 'root'), maxAttempts: 1 }));
    const exists = (command: Promise<unknown>) => command.then(() => true, (err: { name?: string }) => (err.name === 'NoSuchEntityException' ? false : Promise.reject(err)));
    return {
      endpoint,
      postgres: startedPostgres,
      async startReplica(name) {
        const replica = await startBffProcess({
          dataDir: join(dir, name),
          iamUrl: endpoint.url,
          demoIdentitiesFile: join(iamDir, 'demo-identities.json'),
          env: { REDIS_URL: startedRedis.url, DATABASE_URL: startedPostgres.url, SESSION_ENCRYPTION_KEY: SESSION_KEY },
        });
        processes.add(replica);
        return replica;
      },
      async holdAuditWrites() {
        const admin = new pg.Client({ connectionString: startedPostgres.adminUrl });
        await admin.connect();
        await admin.query('BEGIN');
        await admin.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
        return async () => {
          await admin.query('ROLLBACK');
          await admin.end();
        };
      },
      async auditEntries() {
        const log = await PostgresAuditLog.open(startedPostgres.url, { poolSize: 1 });
        try {
          const entries: AuditEntry[] = [];
          for await (const page of log.entries({})) entries.push(...page);
          return entries.reverse();
        } finally {
          await log.close();
        }
      },
      iam: {
        groupExists: (groupName) => exists(iam.send(new GetGroupCommand({ GroupName: groupName }))),
        userExists: (userName) => exists(iam.send(new GetUserCommand({ UserName: userName }))),
        groupsOf: async (userName) => ((await iam.send(new ListGroupsForUserCommand({ UserName: userName }))).Groups ?? []).map((g) => g.GroupName!),
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
