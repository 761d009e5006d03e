// Switch role against the embedded endpoint's demo account: the session acts as the role and comes back, the last
// five roles are kept, every refusal is explained (trust policy, external ID, MFA, duration, role chaining), an
// expired role session falls back to the user, "Roles I can assume", and the audit log records each switch.
import { join } from 'node:path';
import { AttachRolePolicyCommand, CreateRoleCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let demo: DemoIdentities;
let account: string;
// alice signs in once: each demo sign-in uses up one of her 30-second MFA codes.
let alice: Browser;
const saved = { ...process.env };

const trustAccount = (condition?: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });
const allowAssume = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource }] });

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  account = endpoint.accountId;
  demo = DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json'));
  h = createHarness(endpoint.makeClients, { deps: { demoIdentities: demo } });
  const root = endpoint.iamAs(endpoint.rootKeys);
  for (const n of [1, 2, 3, 4, 5]) {
    await root.send(new CreateRoleCommand({ RoleName: `Switch${n}`, AssumeRolePolicyDocument: trustAccount(), MaxSessionDuration: 43_200 }));
    await root.send(new AttachRolePolicyCommand({ RoleName: `Switch${n}`, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  }
  // Switch1's sessions may switch on (role chaining).
  await root.send(new PutRolePolicyCommand({ RoleName: 'Switch1', PolicyName: 'chain', PolicyDocument: allowAssume('*') }));
  await root.send(new CreateRoleCommand({ RoleName: 'PartnerAccess', Path: '/partners/', AssumeRolePolicyDocument: trustAccount({ StringEquals: { 'sts:ExternalId': 'ext-4711' } }) }));
  // alice (MFA) may switch to the tutorial's UpdateApp, as the Developers group may.
  await root.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'switch-to-UpdateApp', PolicyDocument: allowAssume(`arn:aws:iam::${account}:role/UpdateApp`) }));
  alice = await signedIn('alice');
});

afterAll(async () => {
  process.env = saved;
  h?.close();
  await endpoint?.close();
});

type Browser = Awaited<ReturnType<typeof browser>>;

async function signedIn(who: string): Promise<Browser> {
  const b = await browser(h.app);
  expect((await b.signIn({ demoIdentity: who })).status).toBe(200);
  return b;
}

const switchTo = (b: Browser, body: object) => b.post('/api/switch-role', { account, ...body });

describe('switching to a role and back', () => {
  it('acts as the role (identity, permissions, cached clients) until Back, then as the user again', async () => {
    const b = await signedIn('admin');
    // The admin's clients are cached by this call; the switch must replace them.
    expect((await b.get('/api/users')).status).toBe(200);
    const switched = await switchTo(b, { roleName: 'DeveloperReadOnly', displayName: 'Read only', color: 'b7ca9d' });
    expect(switched.status).toBe(200);
    expect(switched.body.identity).toMatchObject({ type: 'assumed-role', roleName: 'DeveloperReadOnly', arn: `arn:aws:sts::${account}:assumed-role/DeveloperReadOnly/admin`, accountAlias: 'acme-demo' });
    expect(switched.body.switchedRole).toMatchObject({ displayName: 'Read only', color: 'b7ca9d', roleArn: `arn:aws:iam::${account}:role/DeveloperReadOnly`, signedInAs: { userName: 'admin', type: 'user' } });

    const session = await b.get('/api/session');
    expect(session.body.identity.arn).toBe(`arn:aws:sts::${account}:assumed-role/DeveloperReadOnly/admin`);
    expect((await b.get('/api/users')).status).toBe(200);
    const refused = await b.post('/api/users', { userName: 'made-as-role' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('assumed-role/DeveloperReadOnly/admin');

    const back = await b.delete('/api/switch-role');
    expect(back.status).toBe(200);
    expect(back.body.identity).toMatchObject({ type: 'user', userName: 'admin' });
    expect(back.body.switchedRole).toBeUndefined();
    expect((await b.post('/api/users', { userName: 'made-as-admin' })).status).toBe(201);
    expect((await b.delete('/api/users/made-as-admin')).status).toBe(204);
  });

  it('resolves the account alias to its id, and asks for the id of any other alias', async () => {
    const b = await signedIn('admin');
    const byAlias = await b.post('/api/switch-role', { account: 'acme-demo', roleName: 'Switch2' });
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.switchedRole).toMatchObject({ account: 'acme-demo', accountId: account, roleName: 'Switch2', displayName: 'Switch2' });
    const other = await b.post('/api/switch-role', { account: 'someone-else', roleName: 'Switch2' });
    expect(other.status).toBe(400);
    expect(other.body.error.details).toEqual([{ path: 'account', message: 'Enter the 12-digit account ID' }]);
    expect(other.body.error.message).toContain('not the alias of your account (acme-demo)');
  });

  it('keeps the last five roles, most recent first, for the signed-in user', async () => {
    const b = await signedIn('admin');
    for (const roleName of ['DeveloperReadOnly', 'Switch1', 'Switch2', 'Switch3', 'Switch4', 'Switch5']) {
      expect((await switchTo(b, { roleName })).status).toBe(200);
    }
    const context = await b.get('/api/switch-role');
    expect(context.status).toBe(200);
    expect(context.body.recent.map((r: { roleName: string }) => r.roleName)).toEqual(['Switch5', 'Switch4', 'Switch3', 'Switch2', 'Switch1']);
    // Switching again to one of them moves it to the top, and the list stays five long.
    expect((await switchTo(b, { roleName: 'Switch2' })).status).toBe(200);
    const again = (await b.get('/api/switch-role')).body.recent.map((r: { roleName: string }) => r.roleName);
    expect(again).toEqual(['Switch2', 'Switch5', 'Switch4', 'Switch3', 'Switch1']);
    // Another user's list is their own.
    expect((await alice.get('/api/switch-role')).body.recent.map((r: { roleName: string }) => r.roleName)).not.toContain('Switch5');
  });

  it('switches with an MFA sign-in to a role that requires MFA, and refuses a wrong MFA code', async () => {
    const b = alice;
    const context = (await b.get('/api/switch-role')).body;
    expect(context).toMatchObject({ canSwitch: true, mfaAuthenticated: true, mfaSerialNumbers: [`arn:aws:iam::${account}:mfa/alice`] });
    const wrong = await switchTo(b, { roleName: 'UpdateApp', mfaCode: '000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('InvalidMfaCode');
    expect(wrong.body.error.details[0].path).toBe('mfaCode');
    expect(wrong.body.error.message).toContain(`The MFA code is not valid for arn:aws:iam::${account}:mfa/alice`);
    const seed = demo.get('alice')!.mfa!.base32Seed;
    // The code after the one her sign-in used (each code works once).
    const code = TOTP.generate({ secret: Secret.fromBase32(seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + 30_000 });
    const ok = await switchTo(b, { roleName: 'UpdateApp', mfaCode: code });
    expect(ok.status).toBe(200);
    expect(ok.body.identity.arn).toBe(`arn:aws:sts::${account}:assumed-role/UpdateApp/alice`);
  });
});

describe('refusals, each with its reason', () => {
  it('a trust policy that does not name the caller', async () => {
    const res = await switchTo(await signedIn('admin'), { roleName: 'ExampleCorpAuditor' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'AccessDenied', details: [{ path: 'roleName' }] });
    expect(res.body.error.message).toContain('does not trust you');
    expect(res.body.error.requestId).toBeTruthy();
  });

  it('an external ID missing or wrong, and the right one', async () => {
    const b = await signedIn('admin');
    const missing = await switchTo(b, { roleName: 'partners/PartnerAccess' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.details[0].path).toBe('externalId');
    expect(missing.body.error.message).toContain('requires an external ID (sts:ExternalId). You gave no external ID.');
    const wrong = await switchTo(b, { roleName: 'partners/PartnerAccess', externalId: 'ext-0000' });
    expect(wrong.body.error.message).toContain('The external ID you gave is not the one it expects.');
    const right = await switchTo(b, { roleName: 'partners/PartnerAccess', externalId: 'ext-4711' });
    expect(right.status).toBe(200);
    expect(right.body.switchedRole.roleArn).toBe(`arn:aws:iam::${account}:role/partners/PartnerAccess`);
  });

  it('MFA required by the trust policy, for a user signed in without MFA', async () => {
    const res = await switchTo(await signedIn('admin'), { roleName: 'BreakGlassAdmin' });
    expect(res.status).toBe(403);
    expect(res.body.error.details[0].path).toBe('mfaCode');
    expect(res.body.error.message).toContain('requires MFA (Bool aws:MultiFactorAuthPresent). You signed in without MFA');
  });

  it('a session duration over the role’s maximum', async () => {
    const res = await switchTo(await signedIn('admin'), { roleName: 'DeveloperReadOnly', durationSeconds: 18_000 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ValidationError', details: [{ path: 'durationSeconds' }] });
    expect(res.body.error.message).toContain("(5 hours) is longer than the role's maximum session duration (4 hours)");
  });

  it('a role that does not exist', async () => {
    const res = await switchTo(await signedIn('admin'), { roleName: 'NoSuchRole' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(`There is no role NoSuchRole in account ${account}`);
  });

  it('the root user, who cannot switch roles', async () => {
    const b = await signedIn('root');
    expect((await b.get('/api/switch-role')).body).toMatchObject({ canSwitch: false });
    const res = await switchTo(b, { roleName: 'Switch1' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CannotSwitchRoles');
  });

  it('role chaining over one hour, for a principal that is itself a role session', async () => {
    const admin = demo.get('admin')!;
    const sts = new STSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey } });
    const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/Switch1`, RoleSessionName: 'ci-runner' }))).Credentials!;
    sts.destroy();
    process.env.AWS_ACCESS_KEY_ID = c.AccessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = c.SecretAccessKey;
    process.env.AWS_SESSION_TOKEN = c.SessionToken;
    const chain = createHarness(endpoint.makeClients, { env: { IAM_CONSOLE_USE_CREDENTIAL_CHAIN: '1' } });
    try {
      const b = await browser(chain.app);
      expect((await b.signIn({ credentialChain: true })).body.identity.type).toBe('assumed-role');
      expect((await b.get('/api/switch-role')).body).toMatchObject({ roleChaining: true, maxDurationSeconds: 3600 });
      const refused = await b.post('/api/switch-role', { account, roleName: 'Switch3', durationSeconds: 7200 });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe('durationSeconds');
      expect(refused.body.error.message).toContain('role chaining, and AWS limits a chained role session to 1 hour');
      // Without a duration the console asks for the hour chaining allows.
      const ok = await b.post('/api/switch-role', { account, roleName: 'Switch3' });
      expect(ok.status).toBe(200);
      expect(ok.body.identity.arn).toBe(`arn:aws:sts::${account}:assumed-role/Switch3/ci-runner`);
    } finally {
      chain.close();
    }
  });
});

describe('when the role session expires', () => {
  it('goes back to the user and says so once', async () => {
    const b = await signedIn('admin');
    expect((await switchTo(b, { roleName: 'Switch4', durationSeconds: 900 })).status).toBe(200);
    h.clock.advance(901_000);
    const after = await b.get('/api/session');
    expect(after.body.identity).toMatchObject({ type: 'user', userName: 'admin' });
    expect(after.body.switchedRole).toBeUndefined();
    expect(after.body.roleSessionEnded).toMatchObject({ roleArn: `arn:aws:iam::${account}:role/Switch4`, displayName: 'Switch4' });
    expect((await b.get('/api/session')).body.roleSessionEnded).toBeUndefined();
    expect((await b.post('/api/users', { userName: 'after-expiry' })).status).toBe(201);
    expect((await b.delete('/api/users/after-expiry')).status).toBe(204);
  });
});

describe('roles I can assume', () => {
  it('evaluates every role for a caller who may read roles and simulate its own policies', async () => {
    const res = await (await signedIn('admin')).get('/api/switch-role/roles');
    expect(res.status).toBe(200);
    expect(res.body.complete).toBe(true);
    const byName = new Map(res.body.items.map((r: { roleName: string }) => [r.roleName, r]));
    expect(byName.get('DeveloperReadOnly')).toMatchObject({ requires: [], basis: 'evaluated', maxSessionDuration: 14_400 });
    expect(byName.get('partners/PartnerAccess')).toMatchObject({ requires: ['externalId'] });
    expect(byName.get('Switch1')).toMatchObject({ requires: [] });
    // Not in: another account's trust, a source identity the console never sends, MFA the admin has no device for.
    for (const name of ['ExampleCorpAuditor', 'AuditedAdminTasks', 'BreakGlassAdmin', 'UpdateApp']) expect(byName.has(name)).toBe(false);
  });

  it('falls back to the recent roles, saying why, for a caller who may not list roles', async () => {
    // alice switched to UpdateApp above; she may not list roles.
    const res = await alice.get('/api/switch-role/roles');
    expect(res.status).toBe(200);
    expect(res.body.complete).toBe(false);
    expect(res.body.unavailable).toEqual([expect.objectContaining({ section: 'roles', code: 'AccessDenied' })]);
    expect(res.body.items).toEqual([expect.objectContaining({ roleName: 'UpdateApp', basis: 'recent' })]);
  });
});

describe('the audit log', () => {
  it('records every switch and every way back, with the user as the caller', async () => {
    const b = await signedIn('admin');
    await switchTo(b, { roleName: 'Switch5' });
    await switchTo(b, { roleName: 'ExampleCorpAuditor' });
    await b.delete('/api/switch-role');
    const entries = h.auditLog.list({ limit: 3 }).reverse();
    expect(entries.map((e) => [e.operation, e.result, e.target])).toEqual([
      ['SwitchRole', 'success', `${account}:role/Switch5`],
      ['SwitchRole', 'failure', `${account}:role/ExampleCorpAuditor`],
      ['SwitchBack', 'success', `arn:aws:iam::${account}:role/Switch5`],
    ]);
    for (const entry of entries) expect(entry.callerArn).toBe(`arn:aws:iam::${account}:user/admin`);
  });
});
