// Sign-in with a real virtual MFA device on the embedded endpoint, and one-click demo identities.
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let keys: Keys;
let seed: string;
let serial: string;

const code = (offsetSteps: number) =>
  TOTP.generate({ secret: Secret.fromBase32(seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });

// The IAM User Guide's force-MFA policy, trimmed to what the test needs: nothing but MFA self-management without MFA.
const forceMfa = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowManageOwnUserMFA', Effect: 'Allow', Action: ['iam:ListMFADevices', 'iam:GetUser'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
    { Sid: 'AllowListUsersWithMfa', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
    { Sid: 'DenyAllExceptListedIfNoMFA', Effect: 'Deny', NotAction: ['iam:ListMFADevices', 'iam:GetUser', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
});

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  const root = endpoint.iamAs(endpoint.rootKeys);
  await root.send(new CreateUserCommand({ UserName: 'mfa-user' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'mfa-user', PolicyName: 'force-mfa', PolicyDocument: forceMfa }));
  const key = await root.send(new CreateAccessKeyCommand({ UserName: 'mfa-user' }));
  keys = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
  const device = await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user' }));
  serial = device.VirtualMFADevice!.SerialNumber!;
  seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString('utf8');
  // Two consecutive codes from the past two time steps, so the current one is still unused for sign-in.
  await root.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial, AuthenticationCode1: code(-2), AuthenticationCode2: code(-1) }));
  const demo = new DemoIdentities([
    { id: 'root', label: 'Root user', kind: 'root', accessKeyId: endpoint.rootKeys.accessKeyId, secretAccessKey: endpoint.rootKeys.secretAccessKey },
    { id: 'mfa-user', label: 'Self-service user with MFA', kind: 'self-service', userName: 'mfa-user', ...keys, mfa: { serialNumber: serial, base32Seed: seed } },
  ]);
  h = createHarness(endpoint.makeClients, { deps: { demoIdentities: demo } });
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('MFA sign-in against the embedded endpoint', () => {
  it('requires the code, refuses a wrong one, accepts the right one and calls IAM as an MFA session', async () => {
    const b = await browser(h.app);
    const missing = await b.signIn(keys);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'MfaRequired', mfaSerialNumber: serial });
    const wrongCode = code(0) === '000000' ? '111111' : '000000';
    const wrong = await b.signIn({ ...keys, mfaCode: wrongCode });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('InvalidMfaCode');
    const ok = await b.signIn({ ...keys, mfaCode: code(0) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ signedIn: true, mfaAuthenticated: true, identity: { userName: 'mfa-user', type: 'user' } });
    // The force-MFA Deny no longer applies: ListUsers is allowed in this MFA session.
    const users = await b.get('/api/users');
    expect(users.status).toBe(200);
  });
});

describe('demo identities (local mode)', () => {
  it('lists them without secrets', async () => {
    const b = await browser(h.app);
    const res = await b.get('/api/session/demo-identities');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'root', label: 'Root user', kind: 'root', hasMfa: false, description: expect.any(String) },
      { id: 'mfa-user', label: 'Self-service user with MFA', kind: 'self-service', userName: 'mfa-user', hasMfa: true, description: expect.any(String) },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(keys.secretAccessKey);
    expect((await b.get('/api/session')).body.localMode).toBe(true);
  });

  it('signs in a demo identity in one click, typing its MFA code server-side', async () => {
    const b = await browser(h.app);
    const res = await b.signIn({ demoIdentity: 'mfa-user' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mfaAuthenticated: true, identity: { userName: 'mfa-user' } });
    const rootSession = await (await browser(h.app)).signIn({ demoIdentity: 'root' });
    expect(rootSession.body.identity.type).toBe('root');
  });

  it('answers 404 for an unknown demo identity', async () => {
    const res = await (await browser(h.app)).signIn({ demoIdentity: 'nobody' });
    expect(res.status).toBe(404);
  });
});
