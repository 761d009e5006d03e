// "My security credentials" against the real embedded endpoint seeded with the demo account: bob and alice are
// under the IAM User Guide's Force_MFA policy (bob without a device, alice with one), and every answer is checked
// against the API contract.
import { join } from 'node:path';
import {
  CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, ListVirtualMFADevicesCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let rootIam: IAMClient;
let demo: DemoIdentities;

type Browser = Awaited<ReturnType<typeof browser>>;

const totp = (seed: string, offsetSteps: number) =>
  TOTP.generate({ secret: Secret.fromBase32(seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });
const otherCode = (c: string) => (c === '000000' ? '111111' : '000000');
const enc = encodeURIComponent;

async function signedIn(body: object): Promise<Browser> {
  const b = await browser(h.app);
  const res = await b.signIn(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return b;
}

const refused = (answer: { unavailable: { section: string; message: string }[] }, section: string) =>
  answer.unavailable.find((u) => u.section === section);

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  demo = DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json'));
  h = createHarness(endpoint.makeClients, { deps: { demoIdentities: demo } });
  rootIam = endpoint.iamAs(endpoint.rootKeys);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('bob under Force_MFA, signed in without MFA', () => {
  let b: Browser;
  let seed = '';
  let serial = '';

  beforeAll(async () => {
    b = await signedIn({ demoIdentity: 'bob' });
  });

  it('sees his MFA devices, and IAM’s explicit deny for the rest', async () => {
    const res = await b.get('/api/me/security-credentials');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ principalType: 'user', userName: 'bob', sessionAccessKeyId: demo.get('bob')!.accessKeyId, mfaDevices: [], accessKeys: [] });
    expect(refused(res.body, 'mfaDevices')).toBeUndefined();
    for (const section of ['accessKeys', 'passwordPolicy', 'loginProfile']) expect(refused(res.body, section)?.message, section).toMatch(/with an explicit deny/);

    const create = await b.post('/api/me/access-keys', {});
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/You lack iam:CreateAccessKey .*explicit deny/);
    const password = await b.put('/api/me/password', { oldPassword: 'Bob-Demo-Passw0rd!', newPassword: 'Another-Passw0rd-1!' });
    expect(password.status).toBe(403);
    expect(password.body.error.code).toBe('AccessDenied');
  });

  it('assigns a virtual MFA device: a wrong code gets IAM’s reason, then the same device takes the right codes', async () => {
    const created = await b.post('/api/me/mfa-devices/virtual', { deviceName: 'bob-phone' });
    expect(created.status).toBe(201);
    ({ serialNumber: serial, base32StringSeed: seed } = created.body);
    expect(serial).toBe(`arn:aws:iam::${endpoint.accountId}:mfa/bob-phone`);
    expect(seed).toMatch(/^[A-Z2-7]+=*$/);
    expect(Buffer.from(created.body.qrCodePng, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');

    const wrong = await b.post('/api/me/mfa-devices', { serialNumber: serial, authenticationCode1: otherCode(totp(seed, -1)), authenticationCode2: otherCode(totp(seed, 0)) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'InvalidAuthenticationCode' });
    expect(wrong.body.error.message).toMatch(/Authentication code for device is not valid[\s\S]*MFA code 1/);
    expect(wrong.body.error.requestId).toBeTruthy();

    const ok = await b.post('/api/me/mfa-devices', { serialNumber: serial, authenticationCode1: totp(seed, -1), authenticationCode2: totp(seed, 0) });
    expect(ok.status).toBe(204);
    const after = await b.get('/api/me/security-credentials');
    expect(after.body.mfaDevices).toEqual([expect.objectContaining({ serialNumber: serial, deviceName: 'bob-phone', type: 'Virtual' })]);
    // Enabled, so no longer the session's pending device: Cancel cannot delete it.
    const cancel = await b.delete(`/api/me/mfa-devices/virtual/${enc(serial)}`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('NotPendingMfaDevice');
  });

  it('cannot cancel into an orphan device: IAM refuses him the delete, and the device stays his to finish', async () => {
    const created = await b.post('/api/me/mfa-devices/virtual', { deviceName: 'bob-tablet' });
    expect(created.status).toBe(201);
    const cancel = await b.delete(`/api/me/mfa-devices/virtual/${enc(created.body.serialNumber)}`);
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.message).toMatch(/iam:DeleteVirtualMFADevice[\s\S]*Finish assigning it instead[\s\S]*delete-virtual-mfa-device/);
    const unassigned = await rootIam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    expect(unassigned.VirtualMFADevices?.map((d) => d.SerialNumber)).toContain(created.body.serialNumber);
    // The same name again: IAM's conflict, explained.
    const again = await b.post('/api/me/mfa-devices/virtual', { deviceName: 'bob-tablet' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists[\s\S]*choose another device name/);
  });

  it('upgrades the session with a fresh code: MFA-authenticated, a new session id, and the locked parts open', async () => {
    const cookieBefore = (await b.get('/api/session')).headers['set-cookie'];
    const csrfBefore = b.csrf;
    const wrong = await b.post('/api/session/mfa', { serialNumber: serial, tokenCode: otherCode(totp(seed, 1)) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('InvalidMfaCode');
    expect((await b.get('/api/session')).body).toMatchObject({ signedIn: true, mfaAuthenticated: false });

    const res = await b.post('/api/session/mfa', { serialNumber: serial, tokenCode: totp(seed, 1) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ signedIn: true, mfaAuthenticated: true, identity: { userName: 'bob' } });
    expect(res.headers['set-cookie']?.[0]).toMatch(/^iam-console\.sid=/);
    expect(res.headers['set-cookie']).not.toEqual(cookieBefore);
    expect(res.body.csrfToken).not.toBe(csrfBefore);
    b.csrf = res.body.csrfToken;

    const after = await b.get('/api/me/security-credentials');
    expect(after.status).toBe(200);
    expect(refused(after.body, 'accessKeys')).toBeUndefined();
    expect(after.body.accessKeys.map((k: { accessKeyId: string }) => k.accessKeyId)).toEqual([demo.get('bob')!.accessKeyId]);
    expect(after.body.sessionAccessKeyId).toBeUndefined();
    const again = await b.post('/api/session/mfa', { serialNumber: serial, tokenCode: totp(seed, 1) });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('MfaSessionNotPossible');
  });

  it('records each change in the audit log, and never a seed', () => {
    const operations = h.auditLog.list({ limit: 1000 }).filter((e) => e.callerArn?.endsWith(':user/bob')).map((e) => `${e.operation} ${e.result}`);
    expect(operations).toEqual(expect.arrayContaining(['CreateVirtualMFADevice success', 'EnableMFADevice failure', 'EnableMFADevice success', 'GetSessionToken success']));
    expect(h.logs.join('\n')).not.toContain(seed);
  });
});

describe('cancelling an assignment', () => {
  it('deletes the pending device when IAM allows it, and only a device this session created', async () => {
    const admin = await signedIn({ demoIdentity: 'admin' });
    const created = await admin.post('/api/me/mfa-devices/virtual', { deviceName: 'admin-spare' });
    expect(created.status).toBe(201);
    const cancel = await admin.delete(`/api/me/mfa-devices/virtual/${enc(created.body.serialNumber)}`);
    expect(cancel.status).toBe(204);
    const all = await rootIam.send(new ListVirtualMFADevicesCommand({}));
    expect(all.VirtualMFADevices?.map((d) => d.SerialNumber)).not.toContain(created.body.serialNumber);
    // bob's unassigned device is no business of the admin's self-service page.
    const foreign = await admin.delete(`/api/me/mfa-devices/virtual/${enc(`arn:aws:iam::${endpoint.accountId}:mfa/bob-tablet`)}`);
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.code).toBe('NotPendingMfaDevice');
  });
});

describe('alice rotates her access keys in an MFA session', () => {
  let b: Browser;
  const originalKey = () => demo.get('alice')!.accessKeyId;

  beforeAll(async () => {
    b = await signedIn({ demoIdentity: 'alice' });
  });

  it('creates a key (the description IAM lets her keep or not), and a third is refused with the reason', async () => {
    const created = await b.post('/api/me/access-keys', { description: 'laptop CLI' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'Active', accessKeyId: expect.stringMatching(/^AKIA/), secretAccessKey: expect.any(String) });
    // Force_MFA grants no iam:TagUser: the key exists, the description is not stored, and she is told why.
    expect(created.body.descriptionNotSaved).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/iam:TagUser/) });
    expect(h.logs.join('\n')).not.toContain(created.body.secretAccessKey);

    const third = await b.post('/api/me/access-keys', {});
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('LimitExceeded');
    expect(third.body.error.message).toMatch(/Cannot exceed quota for AccessKeysPerUser: 2[\s\S]*delete one/);

    const listed = await b.get('/api/me/security-credentials');
    expect(listed.body.accessKeys).toHaveLength(2);
    expect(refused(listed.body, 'accessKeyLastUsed')?.message).toMatch(/iam:GetAccessKeyLastUsed/);
  });

  it('deletes only an inactive key, and keeps her session when the key that opened it is deleted', async () => {
    const active = await b.delete(`/api/me/access-keys/${originalKey()}`);
    expect(active.status).toBe(409);
    expect(active.body.error.code).toBe('AccessKeyActive');

    const deactivated = await b.patch(`/api/me/access-keys/${originalKey()}`, { status: 'Inactive' });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toEqual({ session: 'kept' });
    const deleted = await b.delete(`/api/me/access-keys/${originalKey()}`);
    expect(deleted.status).toBe(204);
    // Her MFA session's temporary credentials outlive the key they came from, as on AWS.
    const after = await b.get('/api/me/security-credentials');
    expect(after.status).toBe(200);
    expect(after.body.accessKeys.map((k: { accessKeyId: string }) => k.accessKeyId)).not.toContain(originalKey());
  });

  it('asks before leaving her without an active key', async () => {
    const [only] = (await b.get('/api/me/security-credentials')).body.accessKeys as { accessKeyId: string }[];
    const unconfirmed = await b.patch(`/api/me/access-keys/${only!.accessKeyId}`, { status: 'Inactive' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'ConfirmationRequired', message: expect.stringMatching(/only active access key/) });
    const confirmed = await b.patch(`/api/me/access-keys/${only!.accessKeyId}`, { status: 'Inactive', confirm: true });
    expect(confirmed.body).toEqual({ session: 'kept' });
    const reactivated = await b.patch(`/api/me/access-keys/${only!.accessKeyId}`, { status: 'Active' });
    expect(reactivated.body).toEqual({ session: 'kept' });
  });

  it('changes her password: IAM’s policy reason, a wrong current password, then the change', async () => {
    const weak = await b.put('/api/me/password', { oldPassword: 'Alice-Demo-Passw0rd!', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PasswordPolicyViolation');
    const wrongOld = await b.put('/api/me/password', { oldPassword: 'not-her-password', newPassword: 'Alice-New-Passw0rd-2!' });
    expect(wrongOld.status).toBe(403);
    expect(wrongOld.body.error.message).toMatch(/current password is not correct/);
    const ok = await b.put('/api/me/password', { oldPassword: 'Alice-Demo-Passw0rd!', newPassword: 'Alice-New-Passw0rd-2!' });
    expect(ok.status).toBe(204);
  });
});

describe('the key a session without MFA signed in with', () => {
  let keys: Keys;

  beforeAll(async () => {
    // The IAM User Guide's "rotate your own access keys" rights, no MFA device: the session runs on the key itself.
    const ownKeys = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:GetAccessKeyLastUsed', 'iam:ListMFADevices'], Resource: 'arn:aws:iam::*:user/${aws:username}' }],
    });
    await rootIam.send(new CreateUserCommand({ UserName: 'rotator' }));
    await rootIam.send(new PutUserPolicyCommand({ UserName: 'rotator', PolicyName: 'own-keys', PolicyDocument: ownKeys }));
    const key = (await rootIam.send(new CreateAccessKeyCommand({ UserName: 'rotator' }))).AccessKey!;
    keys = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  });

  it('is not deactivated without confirmation; with a new key from this session, the session switches to it', async () => {
    const b = await signedIn(keys);
    const unconfirmed = await b.patch(`/api/me/access-keys/${keys.accessKeyId}`, { status: 'Inactive' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.message).toMatch(/This console session signed in with/);

    const created = await b.post('/api/me/access-keys', {});
    expect(created.status).toBe(201);
    const switched = await b.patch(`/api/me/access-keys/${keys.accessKeyId}`, { status: 'Inactive' });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body).toEqual({ session: 'switched-to-new-key' });

    const after = await b.get('/api/me/security-credentials');
    expect(after.status).toBe(200);
    expect(after.body.sessionAccessKeyId).toBe(created.body.accessKeyId);
    await expect(endpoint.iamAs(keys).send(new GetUserCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    expect((await b.delete(`/api/me/access-keys/${keys.accessKeyId}`)).status).toBe(204);
    expect((await b.get('/api/session')).body.signedIn).toBe(true);

    // Its only key, the session's own, confirmed: the sign-in ends instead of failing on the next call.
    const ended = await b.patch(`/api/me/access-keys/${created.body.accessKeyId}`, { status: 'Inactive', confirm: true });
    expect(ended.body).toEqual({ session: 'ended' });
    expect((await b.get('/api/session')).body.signedIn).toBe(false);
  });
});
