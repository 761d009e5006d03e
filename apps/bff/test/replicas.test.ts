// Two BFF replicas (in this process, two ports) behind no proxy at all: every request of one browser goes to
// whichever replica the test picks, as a round-robin load balancer would send it. They share one embedded IAM
// endpoint, one Redis (sessions, sign-in limits, recent roles) and one PostgreSQL (audit log), and the session key. What a
// replica keeps in its own memory (the session's SDK clients) must never let it act on a session as it was
// on that replica rather than as it is now.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresAuditLog } from '../src/audit/postgres-audit-log.ts';
import { startConsole } from '../src/bootstrap.ts';
import type { RunningConsole } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { browserOf } from './helpers/browser.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';
import { startPostgres } from './helpers/postgres.ts';
import type { Postgres } from './helpers/postgres.ts';
import { startRedis } from './helpers/redis.ts';
import type { Redis } from './helpers/redis.ts';

const SESSION_KEY = 'ab'.repeat(32);
const LIMITS = { windowMs: 60_000, perIp: 1_000, perAccessKey: 3 };

let endpoint: Endpoint;
let redis: Redis;
let postgres: Postgres;
let dir: string;
let a: RunningConsole;
let b: RunningConsole;
let operator: Keys;

async function replica(name: string): Promise<RunningConsole> {
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: join(dir, name),
    STATIC_DIR: join(dir, 'no-web'),
    AWS_ENDPOINT_URL_IAM: endpoint.url,
    AWS_ENDPOINT_URL_STS: endpoint.url,
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.url,
    SESSION_ENCRYPTION_KEY: SESSION_KEY,
    LOG_LEVEL: 'silent',
  });
  return startConsole(config, { logger: pino({ level: 'silent' }), signInLimits: LIMITS });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-replicas-'));
  [endpoint, redis, postgres] = await Promise.all([startEndpoint('none'), startRedis(), startPostgres()]);
  // A user who may do anything, and a role it may switch to that may only read.
  const root = endpoint.iamAs(endpoint.rootKeys);
  await root.send(new CreateUserCommand({ UserName: 'operator' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'operator', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
  const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'operator' }))).AccessKey!;
  operator = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${endpoint.accountId}:root` }, Action: 'sts:AssumeRole' }] };
  await root.send(new CreateRoleCommand({ RoleName: 'Reader', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await root.send(new PutRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }] }) }));
  // Started together: the audit-log migration runs once (advisory lock).
  [a, b] = await Promise.all([replica('a'), replica('b')]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([endpoint?.close(), redis?.stop()]);
  postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('a session, its CSRF tokens and its switched role work through either replica, and the audit log holds both replicas’ entries in order', async () => {
  const browser = browserOf();
  // The anonymous CSRF token from A signs in through B; the session's token from B changes things through A.
  expect((await browser.get(a, '/api/session')).body).toMatchObject({ signedIn: false });
  const signIn = await browser.post(b, '/api/session', operator);
  expect([signIn.status, signIn.body?.identity?.arn]).toEqual([200, `arn:aws:iam::${endpoint.accountId}:user/operator`]);
  expect((await browser.get(a, '/api/users')).status).toBe(200); // A now keeps this session's SDK clients
  expect((await browser.post(a, '/api/groups', { groupName: 'FromA' })).status).toBe(201);

  // Switched on B, A acts as the role at once, not with the clients it kept for the user.
  const switched = await browser.post(b, '/api/switch-role', { account: endpoint.accountId, roleName: 'Reader' });
  expect([switched.status, switched.body?.switchedRole?.roleName]).toEqual([200, 'Reader']);
  expect((await browser.get(a, '/api/session')).body?.switchedRole).toMatchObject({ roleName: 'Reader' });
  // The recent roles of "Switch role" are kept in Redis beside the sessions: A lists the switch made through B.
  expect((await browser.get(a, '/api/switch-role')).body?.recent).toEqual([expect.objectContaining({ roleName: 'Reader', accountId: endpoint.accountId })]);
  const refused = await browser.post(a, '/api/groups', { groupName: 'AsReader' });
  expect([refused.status, refused.body?.error?.code]).toEqual([403, 'AccessDenied']);

  // Back on A; B, which built the role's clients, acts as the user again.
  expect((await browser.delete(a, '/api/switch-role')).status).toBe(200);
  expect((await browser.post(b, '/api/groups', { groupName: 'FromB' })).status).toBe(201);

  // The audit log (read through A, written by both) in the order things happened.
  const page = await browser.get(a, '/api/audit-log?limit=50');
  expect(page.status).toBe(200);
  const signedIn = (page.body!.items as { callerArn: string | null; operation: string; result: string; target: string }[]).filter((e) => e.callerArn).reverse();
  expect(signedIn.map((e) => `${e.operation} ${e.result} ${e.target}`)).toEqual([
    `SignIn success ${operator.accessKeyId}`,
    'CreateGroup success group/FromA',
    `SwitchRole success ${endpoint.accountId}:role/Reader`,
    'CreateGroup failure group/AsReader',
    `SwitchBack success arn:aws:iam::${endpoint.accountId}:role/Reader`,
    'CreateGroup success group/FromB',
  ]);
  expect((await browser.get(b, '/api/audit-log?limit=50')).body).toEqual(page.body);

  // Signed out through B: A refuses the session at once, its kept clients notwithstanding.
  expect((await browser.delete(b, '/api/session')).status).toBe(204);
  const after = await browser.get(a, '/api/users');
  expect([after.status, after.body?.error?.code]).toEqual([401, 'NotSignedIn']);
  const log = await PostgresAuditLog.open(postgres.url);
  expect((await log.list({ limit: 1 }))[0]).toMatchObject({ operation: 'SignOut', result: 'success' });
  await log.close();
});

it('counts failed sign-ins of one access key across both replicas', async () => {
  const wrong = { accessKeyId: 'AKIAREPLICATEST00001', secretAccessKey: 'not-the-secret' };
  const statuses: number[] = [];
  for (const via of [a, b, a, b]) {
    const browser = browserOf();
    await browser.get(via, '/api/session');
    statuses.push((await browser.post(via, '/api/session', wrong)).status);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
});

it('each replica is ready: its session store, the shared audit log and the endpoint answer', async () => {
  for (const via of [a, b]) {
    const res = await fetch(`${via.url}/readyz`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ready', checks: { sessions: 'ok', audit: 'ok', iam: 'ok' } }]);
  }
});
