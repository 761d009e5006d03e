// Sign-in against the real embedded endpoint on its demo seed, for principals with and without MFA. Without MFA
// the session keeps the sealed long-term key (GetSessionToken credentials without MFA cannot call IAM); with an
// MFA code, temporary credentials. Checked through the BFF's routes and, for what no route offers yet, through
// the BFF's own client factory with the credentials the session holds.
import { join } from 'node:path';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand,
  ListUsersCommand, UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import Database from 'better-sqlite3';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialCipher } from '../src/session/credential-cipher.ts';
import type { SessionCredentials } from '../src/session/credential-cipher.ts';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let demo: DemoIdentities;

/** The harness seals with this key (test/helpers/harness.ts). */
const cipher = createCredentialCipher(Buffer.alloc(32, 7));

const keysOf = (id: string): Keys => {
  const identity = demo.get(id);
  if (!identity) throw new Error(`no demo identity ${id}`);
  return { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey };
};

/** The stored session rows of signed-in sessions, as the store keeps them. */
function signedInRows(): { sid: string; data: string }[] {
  const db = new Database(join(h.dataDir, 'sessions.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT sid, data FROM sessions').all() as { sid: string; data: string }[]).filter((r) => r.data.includes('sealedCredentials'));
  } finally {
    db.close();
  }
}

/** Signs in and returns the browser with the session's row and the credentials sealed in it. */
async function signIn(body: object) {
  const b = await browser(h.app);
  const before = new Set(signedInRows().map((r) => r.sid));
  const res = await b.signIn(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const row = signedInRows().find((r) => !before.has(r.sid))!;
  const credentials: SessionCredentials = cipher.decrypt(JSON.parse(row.data).auth.sealedCredentials, row.sid);
  return { b, res, row, credentials };
}

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  demo = DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json'));
  h = createHarness(endpoint.makeClients, { deps: { demoIdentities: demo } });
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('without MFA the session keeps the verified long-term key, sealed', () => {
  it('the demo admin signs in and lists users; the store holds the key only encrypted', async () => {
    const admin = keysOf('admin');
    const { b, res, row, credentials } = await signIn(admin);
    expect(res.body).toMatchObject({ mfaAuthenticated: false, identity: { userName: 'admin', type: 'user', accountAlias: 'acme-demo' } });
    expect(credentials).toMatchObject(admin);
    expect(credentials.sessionToken).toBeUndefined();
    expect(row.data).not.toContain(admin.secretAccessKey);
    expect(row.data).not.toContain(admin.accessKeyId);
    const users = await b.get('/api/users');
    expect(users.status).toBe(200);
    expect(users.body.items.map((u: { userName: string }) => u.userName)).toEqual(expect.arrayContaining(['admin', 'alice', 'bob']));
    expect(JSON.stringify(res.body) + JSON.stringify(users.body)).not.toContain(admin.secretAccessKey);
  });

  it('root signs in without MFA and manages the account', async () => {
    const { b, res, credentials } = await signIn(endpoint.rootKeys);
    expect(res.body).toMatchObject({ mfaAuthenticated: false, identity: { type: 'root' } });
    expect(credentials.accessKeyId).toBe(endpoint.rootKeys.accessKeyId);
    expect((await b.get('/api/users')).status).toBe(200);
    expect((await b.get('/api/account')).body).toMatchObject({ alias: 'acme-demo', unavailable: [] });
  });

  it('the auditor reads users and the recommendations', async () => {
    const { b, res } = await signIn({ demoIdentity: 'auditor' });
    expect(res.body.mfaAuthenticated).toBe(false);
    expect((await b.get('/api/users')).status).toBe(200);
    const recommendations = await b.get('/api/account/security-recommendations');
    expect(recommendations.status).toBe(200);
    expect(recommendations.body.items.map((i: { status: string }) => i.status)).not.toContain('unknown');
  });
});

describe('bob: force-MFA policy, no device yet', () => {
  // Before bob enrolls a device below (afterwards he needs a code).
  it('sees the security recommendations it may not read as unknown instead of an error', async () => {
    const { b } = await signIn(keysOf('bob'));
    const res = await b.get('/api/account/security-recommendations');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((i: { id: string; status: string; detail: string }) => [i.id, i]));
    expect(Object.keys(byId)).toEqual(['root-mfa', 'root-access-keys', 'users-without-mfa', 'old-access-keys']);
    for (const item of Object.values(byId) as { status: string; detail: string }[]) expect(item.status).toBe('unknown');
    expect(byId['root-mfa'].detail).toMatch(/^The account summary is not available to you \(AccessDenied: User: .*bob is not authorized to perform: iam:GetAccountSummary/);
    expect(byId['users-without-mfa'].detail).toMatch(/^The credential report is not available to you \(AccessDenied: /);
  });

  it('signs in, is refused ListUsers as IAM says, and enrolls a virtual MFA device with the session’s credentials', async () => {
    const bob = keysOf('bob');
    const { b, res, credentials } = await signIn(bob);
    expect(res.body).toMatchObject({ mfaAuthenticated: false, identity: { userName: 'bob' } });
    const users = await b.get('/api/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('AccessDenied');
    expect(users.body.error.message).toMatch(/^You lack iam:ListUsers on arn:aws:iam::\d{12}:user\/.* \(AWS: User: arn:aws:iam::\d{12}:user\/bob is not authorized to perform: iam:ListUsers .*explicit deny/);

    // No route enrolls a device yet: the BFF's client factory with what the session holds, as a route would.
    const { iam } = endpoint.makeClients(credentials);
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob' }))).VirtualMFADevice!;
    const secret = Secret.fromBase32(Buffer.from(device.Base32StringSeed!).toString('utf8'));
    const code = (steps: number) => TOTP.generate({ secret, algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + steps * 30_000 });
    await iam.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: device.SerialNumber!, AuthenticationCode1: code(-2), AuthenticationCode2: code(-1) }));

    // From now on the console asks bob for a code, and with it opens an MFA session.
    const again = await (await browser(h.app)).signIn(bob);
    expect(again.status).toBe(401);
    expect(again.body.error).toMatchObject({ code: 'MfaRequired', mfaSerialNumber: device.SerialNumber });
    const withMfa = await signIn({ ...bob, mfaCode: code(0) });
    expect(withMfa.res.body.mfaAuthenticated).toBe(true);
    expect(withMfa.credentials.accessKeyId).toMatch(/^ASIA/);
    const own = await withMfa.b.get('/api/users/bob');
    expect(own.status).toBe(200);
    expect(own.body.mfaDevices.map((d: { serialNumber: string }) => d.serialNumber)).toEqual([device.SerialNumber]);
  });
});

describe('a session whose access key stops working', () => {
  it('ends with SessionExpired on the next call once the key is deactivated, and the browser is signed out', async () => {
    const root = endpoint.iamAs(endpoint.rootKeys);
    await root.send(new CreateUserCommand({ UserName: 'keyholder' }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'keyholder', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
    const { AccessKey: key } = await root.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }));
    const { b } = await signIn({ accessKeyId: key!.AccessKeyId, secretAccessKey: key!.SecretAccessKey });
    expect((await b.get('/api/users')).status).toBe(200);
    await root.send(new UpdateAccessKeyCommand({ UserName: 'keyholder', AccessKeyId: key!.AccessKeyId!, Status: 'Inactive' }));
    const refused = await b.get('/api/users');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('SessionExpired');
    expect(refused.body.error.message).toMatch(/no longer valid.*Sign in again\. \(AWS: The security token included in the request is invalid\)$/);
    expect((await b.get('/api/session')).body.signedIn).toBe(false);
  });
});

describe('alice: force-MFA policy with a device', () => {
  it('needs her code, then works with temporary credentials and manages her own keys', async () => {
    const alice = keysOf('alice');
    const missing = await (await browser(h.app)).signIn(alice);
    expect(missing.body.error.code).toBe('MfaRequired');
    const { b, res, credentials, row } = await signIn({ demoIdentity: 'alice' });
    expect(res.body.mfaAuthenticated).toBe(true);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.sessionToken).toBeTruthy();
    expect(row.data).not.toContain(alice.secretAccessKey);
    expect(row.data).not.toContain(credentials.secretAccessKey);
    const created = await b.post('/api/users/alice/access-keys');
    expect(created.status).toBe(201);
    expect(created.body.accessKeyId).toMatch(/^AKIA/);
    expect((await b.patch(`/api/users/alice/access-keys/${created.body.accessKeyId}`, { status: 'Inactive' })).status).toBe(204);
    expect((await b.delete(`/api/users/alice/access-keys/${created.body.accessKeyId}`)).status).toBe(204);
  });

  it('sees her own keys although the policy does not grant iam:GetAccessKeyLastUsed: only their last use is unknown', async () => {
    const { b } = await signIn({ demoIdentity: 'alice' });
    const detail = await b.get('/api/users/alice');
    expect(detail.status).toBe(200);
    expect(detail.body.accessKeys.map((k: { accessKeyId: string }) => k.accessKeyId)).toContain(keysOf('alice').accessKeyId);
    expect(detail.body.accessKeys.every((k: { lastUsed?: unknown }) => k.lastUsed === undefined)).toBe(true);
    const sections = detail.body.unavailable.map((u: { section: string }) => u.section);
    expect(sections).toContain('accessKeyLastUsed');
    expect(sections).not.toContain('accessKeys');
  });
});
