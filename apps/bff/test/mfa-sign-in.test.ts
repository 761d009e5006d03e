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
    const wrongCode = otherCode(code(0));
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

interface Device { serial: string; code(offsetSteps: number): string }

/** A user with a policy, an access key and `devices` enabled virtual MFA devices. */
async function userWithDevices(name: string, policy: string, devices: number): Promise<{ keys: Keys; devices: Device[] }> {
  const root = endpoint.iamAs(endpoint.rootKeys);
  await root.send(new CreateUserCommand({ UserName: name }));
  await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'policy', PolicyDocument: policy }));
  const key = await root.send(new CreateAccessKeyCommand({ UserName: name }));
  const enabled: Device[] = [];
  for (let i = 0; i < devices; i++) {
    const device = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${name}-${i}` }))).VirtualMFADevice!;
    const secret = Secret.fromBase32(Buffer.from(device.Base32StringSeed!).toString('utf8'));
    const deviceCode = (offsetSteps: number) => TOTP.generate({ secret, algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });
    await root.send(new EnableMFADeviceCommand({ UserName: name, SerialNumber: device.SerialNumber!, AuthenticationCode1: deviceCode(-2), AuthenticationCode2: deviceCode(-1) }));
    enabled.push({ serial: device.SerialNumber!, code: deviceCode });
  }
  return { keys: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! }, devices: enabled };
}

const otherCode = (c: string) => (c === '000000' ? '111111' : '000000');

describe('choosing the MFA device', () => {
  it('names every device when there are several, and signs in with the one the caller chose', async () => {
    const { keys: twoKeys, devices } = await userWithDevices('two-devices', forceMfa, 2);
    const b = await browser(h.app);
    const missing = await b.signIn(twoKeys);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('MfaRequired');
    expect(missing.body.error.message).toMatch(/2 MFA devices/);
    expect([...missing.body.error.mfaSerialNumbers].sort()).toEqual(devices.map((d) => d.serial).sort());
    expect(missing.body.error.mfaSerialNumber).toBe(missing.body.error.mfaSerialNumbers[0]);
    const second = devices.find((d) => d.serial !== missing.body.error.mfaSerialNumber)!;
    const ok = await b.signIn({ ...twoKeys, mfaCode: second.code(0), serialNumber: second.serial });
    expect(ok.status).toBe(200);
    expect(ok.body.mfaAuthenticated).toBe(true);
  });

  it('refuses a device that is not the user’s before asking STS', async () => {
    const b = await browser(h.app);
    const res = await b.signIn({ ...keys, mfaCode: '123456', serialNumber: `arn:aws:iam::${endpoint.accountId}:mfa/someone-else` });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'UnknownMfaDevice', mfaSerialNumbers: [serial] });
    const malformed = await b.signIn({ ...keys, mfaCode: '123456', serialNumber: 'not a device' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].message).toMatch(/ARN/);
  });

  it('asks for the device ARN when the user may not list their devices, instead of ignoring the code', async () => {
    // May sign in and read users, but not list MFA devices.
    const noList = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:ListAccountAliases'], Resource: '*' }] });
    const { keys: hiddenKeys, devices: [device] } = await userWithDevices('hidden-devices', noList, 1);
    const b = await browser(h.app);
    const withoutDevice = await b.signIn({ ...hiddenKeys, mfaCode: device!.code(0) });
    expect(withoutDevice.status).toBe(400);
    expect(withoutDevice.body.error.code).toBe('MfaSerialNumberRequired');
    expect(withoutDevice.body.error.message).toMatch(/iam:ListMFADevices[\s\S]*Enter the device's ARN/);
    expect(withoutDevice.body.error.requestId).toBeTruthy();
    const wrongCode = await b.signIn({ ...hiddenKeys, mfaCode: otherCode(device!.code(0)), serialNumber: device!.serial });
    expect(wrongCode.body.error.code).toBe('InvalidMfaCode');
    const ok = await b.signIn({ ...hiddenKeys, mfaCode: device!.code(0), serialNumber: device!.serial });
    expect(ok.status).toBe(200);
    expect(ok.body.mfaAuthenticated).toBe(true);
    // Without a code there is nothing to choose: signed in without MFA, IAM decides later.
    const plain = await (await browser(h.app)).signIn(hiddenKeys);
    expect(plain.body).toMatchObject({ signedIn: true, mfaAuthenticated: false });
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
