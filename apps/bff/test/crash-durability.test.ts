// kill -9 loses nothing acknowledged. The endpoint (iam-local) and the BFF run as their own processes on real
// SQLite files; a stream of writes goes through the BFF (user creates, group adds, access key creations and
// rotations, each with its audit entry) and the processes are killed with SIGKILL while requests are in flight,
// then started again on the same data directories. Every write that got a 2xx must be there, and so must its
// audit entry; a write that got no answer may or may not have happened, but nothing may be half-written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { GetUserCommand, IAMClient, ListAccessKeysCommand, ListGroupsForUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import type { User } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readProfile } from './helpers/iam-endpoint.ts';
import { freePort, startBffProcess, startEndpointProcess } from './helpers/local-stack.ts';
import type { StackProcess } from './helpers/local-stack.ts';

const WORKERS = 4;
/** Writes acknowledged in a run before the kill: every worker is past its first user by then. */
const KILL_AFTER = 20;
const GROUP = 'CrashTesters';

let dir: string;
let iamPort: number;
let endpoint: StackProcess;
let bff: StackProcess;
let accountId: string;
let adminArn: string;

const iamDir = () => join(dir, 'iam');
const bffDir = () => join(dir, 'bff');
const startEndpoint = async () => (endpoint = await startEndpointProcess(iamDir(), iamPort));
const startBff = async () => (bff = await startBffProcess({ dataDir: bffDir(), iamUrl: endpoint.url, demoIdentitiesFile: join(iamDir(), 'demo-identities.json') }));

/** The signed-in browser: session cookie and CSRF token, as API.md describes; the BFF's URL changes at each restart. */
const browser = { cookie: '', csrf: '' };

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${bff.url}${path}`, {
    method,
    headers: {
      cookie: browser.cookie,
      'x-csrf-token': browser.csrf,
      origin: bff.url,
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

// What the client was told. A write counts as acknowledged once a 2xx status line reaches it.
interface Write { operation: string; target: string; httpStatus: number }
const acknowledged: Write[] = [];
type Attempt = 'no' | 'tried' | 'acknowledged';
interface KeyFacts { secretAccessKey: string; deactivate: Attempt; delete: Attempt }
/** Users whose CreateUser was acknowledged, with what was acknowledged about them since. */
const users = new Map<string, { groups: string[]; keys: Map<string, KeyFacts> }>();
const stream = { inFlight: 0, onSettled: () => {} };
/** Answers other than 2xx, for failure messages. */
const refused: string[] = [];

/** One write through the BFF: the response when it was acknowledged, undefined otherwise (error status, no answer). */
async function write(operation: string, target: string, method: string, path: string, body?: unknown): Promise<Response | undefined> {
  stream.inFlight++;
  try {
    const res = await call(method, path, body);
    if (!res.ok) {
      refused.push(`${method} ${path}: ${res.status} ${(await res.text().catch(() => '')).slice(0, 300)}`);
      return undefined;
    }
    acknowledged.push({ operation, target, httpStatus: res.status });
    return res;
  } catch {
    return undefined;
  } finally {
    stream.inFlight--;
    stream.onSettled();
  }
}

async function createAccessKey(userName: string): Promise<string | undefined> {
  const res = await write('CreateAccessKey', `user/${userName}`, 'POST', `/api/users/${userName}/access-keys`);
  const key = (await res?.json().catch(() => undefined)) as { accessKeyId: string; secretAccessKey: string } | undefined;
  if (!key) return undefined;
  users.get(userName)!.keys.set(key.accessKeyId, { secretAccessKey: key.secretAccessKey, deactivate: 'no', delete: 'no' });
  return key.accessKeyId;
}

/** Creates a user, adds it to the group, gives it a key and rotates that key; false at the first unacknowledged step. */
async function userLifecycle(userName: string): Promise<boolean> {
  const target = `user/${userName}`;
  if (!(await write('CreateUser', target, 'POST', '/api/users', { userName }))) return false;
  const facts = { groups: [] as string[], keys: new Map<string, KeyFacts>() };
  users.set(userName, facts);
  if (!(await write('AddUserToGroup', target, 'POST', `/api/users/${userName}/groups`, { groupName: GROUP }))) return false;
  facts.groups.push(GROUP);
  const old = await createAccessKey(userName);
  if (!old || !(await createAccessKey(userName))) return false;
  // Rotation as the IAM User Guide describes it: new key in use, old key deactivated, then deleted.
  const oldKey = facts.keys.get(old)!;
  oldKey.deactivate = 'tried';
  if (!(await write('UpdateAccessKey', target, 'PATCH', `/api/users/${userName}/access-keys/${old}`, { status: 'Inactive' }))) return false;
  oldKey.deactivate = 'acknowledged';
  oldKey.delete = 'tried';
  if (!(await write('DeleteAccessKey', target, 'DELETE', `/api/users/${userName}/access-keys/${old}`))) return false;
  oldKey.delete = 'acknowledged';
  return true;
}

/**
 * WORKERS concurrent streams of user lifecycles; once KILL_AFTER writes of this run are acknowledged, `kill` runs
 * at a moment when other writes are in flight. Resolves when every stream has stopped at its first failure.
 */
async function streamAndKill(run: string, kill: () => Promise<unknown>): Promise<{ acknowledged: number; inFlightAtKill: number }> {
  const start = acknowledged.length;
  let killed: Promise<unknown> | undefined;
  let inFlightAtKill = 0;
  stream.onSettled = () => {
    if (killed || acknowledged.length - start < KILL_AFTER || stream.inFlight === 0) return;
    inFlightAtKill = stream.inFlight;
    killed = kill();
  };
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) if (!(await userLifecycle(`crash-${run}-${w}-${i}`))) return;
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  await killed;
  stream.onSettled = () => {};
  return { acknowledged: acknowledged.length - start, inFlightAtKill };
}

/** The key's possible statuses after a crash, from what was acknowledged and tried (undefined: deleted). */
function possibleStatuses(key: KeyFacts): (string | undefined)[] {
  if (key.delete === 'acknowledged') return [undefined];
  const kept = key.deactivate === 'acknowledged' ? ['Inactive'] : key.deactivate === 'tried' ? ['Active', 'Inactive'] : ['Active'];
  return key.delete === 'tried' ? [...kept, undefined] : kept;
}

function expectSoundDatabase(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), file).toBe('ok');
    expect(db.pragma('foreign_key_check'), `${file}: rows pointing at rows that do not exist`).toEqual([]);
  } finally {
    db.close();
  }
}

async function expectIamHasEverythingAcknowledged(): Promise<void> {
  const client = { endpoint: endpoint.url, region: 'us-east-1', credentials: readProfile(join(iamDir(), 'credentials'), 'root'), maxAttempts: 1 };
  const iam = new IAMClient(client);
  try {
    // Every user in the account is whole, also those whose creation was not acknowledged.
    const all: User[] = [];
    for (let marker: string | undefined; ; ) {
      const page = await iam.send(new ListUsersCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }));
      all.push(...(page.Users ?? []));
      if (!page.IsTruncated) break;
      marker = page.Marker;
    }
    for (const user of all) {
      expect(user, 'a listed user has all its parts').toMatchObject({ UserId: expect.stringMatching(/^AIDA/), Arn: `arn:aws:iam::${accountId}:user${user.Path}${user.UserName}`, CreateDate: expect.any(Date) });
      const keys = (await iam.send(new ListAccessKeysCommand({ UserName: user.UserName }))).AccessKeyMetadata ?? [];
      expect(keys.length, `keys of ${user.UserName}`).toBeLessThanOrEqual(2);
    }
    for (const [userName, facts] of users) {
      const { User: user } = await iam.send(new GetUserCommand({ UserName: userName }));
      expect(user?.Arn).toBe(`arn:aws:iam::${accountId}:user/${userName}`);
      const groups = (await iam.send(new ListGroupsForUserCommand({ UserName: userName }))).Groups?.map((g) => g.GroupName);
      expect(groups, `groups of ${userName}`).toEqual(expect.arrayContaining(facts.groups));
      const statuses = new Map((await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status]));
      for (const [accessKeyId, key] of facts.keys) {
        expect(possibleStatuses(key), `access key ${accessKeyId} of ${userName}`).toContain(statuses.get(accessKeyId));
        if (key.deactivate !== 'no') continue;
        // The kept key works: its secret survived along with it.
        const sts = new STSClient({ ...client, credentials: { accessKeyId, secretAccessKey: key.secretAccessKey } });
        expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(user?.Arn);
        sts.destroy();
      }
    }
  } finally {
    iam.destroy();
  }
}

async function expectAuditOfEverythingAcknowledged(): Promise<void> {
  const entries: { id: number; operation: string; target: string; result: string; httpStatus: number; callerArn: string | null }[] = [];
  for (let before: number | undefined; ; ) {
    const res = await call('GET', `/api/audit-log?limit=1000${before ? `&before=${before}` : ''}`);
    expect(res.status, 'the session survived: the audit log is readable with the same cookie').toBe(200);
    const page = ((await res.json()) as { items: typeof entries }).items;
    entries.push(...page);
    if (page.length < 1000) break;
    before = page.at(-1)!.id;
  }
  const unmatched = [...entries];
  const missing = acknowledged.filter((w) => {
    const i = unmatched.findIndex((e) => e.operation === w.operation && e.target === w.target && e.httpStatus === w.httpStatus && e.result === 'success' && e.callerArn === adminArn);
    if (i >= 0) unmatched.splice(i, 1);
    return i < 0;
  });
  expect(missing, 'acknowledged writes without their audit entry').toEqual([]);
}

async function expectNothingLost(): Promise<void> {
  await expectIamHasEverythingAcknowledged();
  await expectAuditOfEverythingAcknowledged();
  for (const file of [join(iamDir(), 'iam.sqlite'), join(bffDir(), 'audit.sqlite'), join(bffDir(), 'sessions.sqlite')]) expectSoundDatabase(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-crash-'));
  iamPort = await freePort();
  await startEndpoint();
  await startBff();
  const first = await call('GET', '/api/session');
  browser.cookie = cookieOf(first);
  browser.csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  const signIn = await write('SignIn', 'demo:admin', 'POST', '/api/session', { demoIdentity: 'admin' });
  expect(signIn?.status).toBe(200);
  const session = (await signIn!.json()) as { csrfToken: string; identity: { arn: string; accountId: string } };
  browser.cookie = cookieOf(signIn!);
  browser.csrf = session.csrfToken;
  ({ arn: adminArn, accountId } = session.identity);
  expect(await write('CreateGroup', `group/${GROUP}`, 'POST', '/api/groups', { groupName: GROUP })).toBeDefined();
}, 60_000);

afterAll(async () => {
  await Promise.all([endpoint?.kill(), bff?.kill()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it.each([
  { who: 'the endpoint', endpoint: true, bff: false },
  { who: 'the BFF', endpoint: false, bff: true },
  { who: 'both', endpoint: true, bff: true },
])('$who killed mid-stream: every acknowledged write is in IAM and in the audit log, the session survives, nothing is half-written', async (point) => {
  const run = await streamAndKill(point.who.replace(/\W/g, ''), () => Promise.all([point.endpoint && endpoint.kill(), point.bff && bff.kill()]));
  expect(run.inFlightAtKill, `killed with writes in flight; refused so far:\n${refused.join('\n')}`).toBeGreaterThan(0);
  if (point.endpoint) await startEndpoint();
  if (point.bff) await startBff();
  await expectNothingLost();
}, 60_000);

it('the answer waits for its audit entry: no 2xx while the entry cannot be committed, so a kill then loses nothing acknowledged', async () => {
  // Another writer holding the audit database's lock keeps the BFF's append waiting (busy timeout): this widens
  // to seconds the moment, otherwise microseconds, between the change in IAM and the audit entry.
  const lock = new Database(join(bffDir(), 'audit.sqlite'), { fileMustExist: true });
  lock.exec('BEGIN IMMEDIATE');
  const userName = 'crash-audit-busy';
  let answer: Response | undefined;
  const pending = write('CreateUser', `user/${userName}`, 'POST', '/api/users', { userName }).then((res) => {
    answer = res;
    if (res) users.set(userName, { groups: [], keys: new Map() });
  });
  const iam = new IAMClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: readProfile(join(iamDir(), 'credentials'), 'root'), maxAttempts: 1 });
  const settled = pending.then(() => true);
  const userExists = () => iam.send(new GetUserCommand({ UserName: userName })).then(() => true, () => false);
  try {
    while (!(await Promise.race([settled, userExists()]))) await sleep(20);
    // IAM has made the change: from here on the BFF answers as soon as it has written the audit entry.
    expect(await userExists(), `the BFF did not make the change; refused so far:\n${refused.join('\n')}`).toBe(true);
    await sleep(500);
    expect(answer, 'answered before its audit entry was committed').toBeUndefined();
  } finally {
    iam.destroy();
    await bff.kill();
    lock.exec('ROLLBACK');
    lock.close();
  }
  await pending;
  await startBff();
  await expectNothingLost();
}, 60_000);
