// Virtual MFA over HTTP: QR code and seed, enrollment with TOTP codes computed here (otpauth), listing,
// resync, deactivation, deletion, and MFA-authenticated sessions under the guide's force-MFA policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { Secret, TOTP, URI } from 'otpauth';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser } from './helpers/fixtures.ts';
import { awsError } from './helpers/entities.ts';
import { decodeQrPng } from './helpers/qr.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** The authenticator app: codes of the given seed, `steps` periods from now. */
function code(seed: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(seed), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

async function newDevice(name: string, path?: string): Promise<{ serialNumber: string; seed: string; png: Uint8Array }> {
  const { VirtualMFADevice } = await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, ...(path ? { Path: path } : {}) }));
  return {
    serialNumber: VirtualMFADevice?.SerialNumber ?? '',
    seed: Buffer.from(VirtualMFADevice?.Base32StringSeed ?? new Uint8Array()).toString('ascii'),
    png: VirtualMFADevice?.QRCodePNG ?? new Uint8Array(),
  };
}

/** Enrolls with the two previous codes, so the current one stays unused for a following STS call. */
async function enroll(userName: string, device: { serialNumber: string; seed: string }): Promise<void> {
  await t.iam.send(
    new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.serialNumber, AuthenticationCode1: code(device.seed, -2), AuthenticationCode2: code(device.seed, -1) }),
  );
}

describe('virtual MFA devices', () => {
  it('returns a serial, a Base32 seed and a PNG QR code that decodes to the otpauth URI', async () => {
    const device = await newDevice('val', '/staff/');
    expect(device.serialNumber).toBe(`arn:aws:iam::${t.accountId}:mfa/staff/val`);
    expect(device.seed).toMatch(/^[A-Z2-7]{64}$/);
    expect(Buffer.from(device.png).subarray(1, 4).toString('ascii')).toBe('PNG');
    const uri = decodeQrPng(device.png);
    expect(uri).toBe(`otpauth://totp/Amazon%20Web%20Services:val%40${t.accountId}?secret=${device.seed}&issuer=Amazon%20Web%20Services`);
    const totp = URI.parse(uri ?? '') as TOTP;
    expect(totp.issuer).toBe('Amazon Web Services');
    expect(totp.generate()).toBe(code(device.seed));
    expect(await awsError(t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'val', Path: '/staff/' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'MFA device already exists.',
    });
  });

  it('enables with two consecutive codes and refuses wrong codes and a device in use', async () => {
    addUser(t, 'wes');
    addUser(t, 'xia');
    const device = await newDevice('wes');
    expect(
      await awsError(t.iam.send(new EnableMFADeviceCommand({ UserName: 'wes', SerialNumber: device.serialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }))),
    ).toEqual({ name: 'InvalidAuthenticationCodeException', status: 403, message: 'Authentication code for device is not valid.' });
    await enroll('wes', device);
    const listed = await t.iam.send(new ListMFADevicesCommand({ UserName: 'wes' }));
    expect(listed.MFADevices).toEqual([{ UserName: 'wes', SerialNumber: device.serialNumber, EnableDate: expect.any(Date) }]);
    expect(
      await awsError(t.iam.send(new EnableMFADeviceCommand({ UserName: 'xia', SerialNumber: device.serialNumber, AuthenticationCode1: code(device.seed, 0), AuthenticationCode2: code(device.seed, 1) }))),
    ).toMatchObject({ status: 409, message: 'MFA Device is already in use.' });
    expect(await awsError(t.iam.send(new DeleteUserCommand({ UserName: 'wes' })))).toMatchObject({ status: 409 });
    expect(await awsError(t.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serialNumber })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
  });

  it('lists virtual devices by assignment status, with the user when assigned', async () => {
    addUser(t, 'yan');
    const assigned = await newDevice('yan');
    const spare = await newDevice('spare-device');
    await enroll('yan', assigned);
    const assignedList = await t.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    const yan = assignedList.VirtualMFADevices?.find((d) => d.SerialNumber === assigned.serialNumber);
    expect(yan?.User).toMatchObject({ UserName: 'yan', Arn: `arn:aws:iam::${t.accountId}:user/yan` });
    expect(yan?.EnableDate).toBeInstanceOf(Date);
    const unassigned = await t.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    expect(unassigned.VirtualMFADevices?.map((d) => d.SerialNumber)).toContain(spare.serialNumber);
    expect(unassigned.VirtualMFADevices?.map((d) => d.SerialNumber)).not.toContain(assigned.serialNumber);
    expect(unassigned.VirtualMFADevices?.every((d) => d.User === undefined)).toBe(true);
    const tagged = await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'tagged-device', Tags: [{ Key: 'owner', Value: 'yan' }] }));
    expect(tagged.VirtualMFADevice?.Tags).toEqual([{ Key: 'owner', Value: 'yan' }]);
    const listedTagged = (await t.iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices?.find((d) => d.SerialNumber === tagged.VirtualMFADevice?.SerialNumber);
    expect(listedTagged?.Tags).toEqual([{ Key: 'owner', Value: 'yan' }]);
    const any = await t.iam.send(new ListVirtualMFADevicesCommand({}));
    expect(any.VirtualMFADevices?.map((d) => d.SerialNumber)).toEqual(expect.arrayContaining([assigned.serialNumber, spare.serialNumber]));
    expect((await awsError(t.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Some' as 'Any' })))).status).toBe(400);
  });

  it('resyncs, deactivates and then deletes a device', async () => {
    addUser(t, 'zed');
    const device = await newDevice('zed');
    await enroll('zed', device);
    await t.iam.send(new ResyncMFADeviceCommand({ UserName: 'zed', SerialNumber: device.serialNumber, AuthenticationCode1: code(device.seed, 4), AuthenticationCode2: code(device.seed, 5) }));
    expect(
      await awsError(t.iam.send(new ResyncMFADeviceCommand({ UserName: 'zed', SerialNumber: device.serialNumber, AuthenticationCode1: '000000', AuthenticationCode2: '000001' }))),
    ).toMatchObject({ status: 403 });
    await t.iam.send(new DeactivateMFADeviceCommand({ UserName: 'zed', SerialNumber: device.serialNumber }));
    expect((await t.iam.send(new ListMFADevicesCommand({ UserName: 'zed' }))).MFADevices).toEqual([]);
    expect((await awsError(t.iam.send(new DeactivateMFADeviceCommand({ UserName: 'zed', SerialNumber: device.serialNumber })))).status).toBe(404);
    await t.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serialNumber }));
    // AWS's words (localstack's recorded snapshots, test_iam_mfa).
    expect(await awsError(t.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serialNumber })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `MFA Device with serial number ${device.serialNumber} does not exist.`,
    });
  });

  it('answers a path of the wrong form and a marker it did not issue in AWS words', async () => {
    expect(await awsError(t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'pathless', Path: 'test' })))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    });
    const { VirtualMFADevice } = await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'doubled', Path: '/test//double/' }));
    expect(VirtualMFADevice?.SerialNumber).toBe(`arn:aws:iam::${t.accountId}:mfa/test//double/doubled`);
    expect(await awsError(t.iam.send(new ListVirtualMFADevicesCommand({ Marker: 'not-a-marker-we-issued' })))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
  });

  it('under the force-MFA policy a user enrolls itself, then works only with an MFA session', async () => {
    const forceMfa = readFileSync(join(import.meta.dirname, '../src/seed/policies/guide-force-mfa-manage-own-credentials_L25105-25211.json'), 'utf8');
    const amy = addUser(t, 'amy', { forceMfa, list: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }) });
    const self = t.iamAs(amy.keys);
    expect((await awsError(self.send(new ListUsersCommand({})))).message).toContain('with an explicit deny');
    const { VirtualMFADevice } = await self.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'amy' }));
    const seed = Buffer.from(VirtualMFADevice?.Base32StringSeed ?? new Uint8Array()).toString('ascii');
    const serialNumber = VirtualMFADevice?.SerialNumber ?? '';
    await self.send(new EnableMFADeviceCommand({ UserName: 'amy', SerialNumber: serialNumber, AuthenticationCode1: code(seed, -2), AuthenticationCode2: code(seed, -1) }));
    expect(await awsError(t.stsAs(amy.keys).send(new GetSessionTokenCommand({ SerialNumber: serialNumber, TokenCode: '000000' })))).toMatchObject({ status: 403 });
    const { Credentials } = await t.stsAs(amy.keys).send(new GetSessionTokenCommand({ SerialNumber: serialNumber, TokenCode: code(seed) }));
    const session = t.iamAs({ accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken });
    expect((await session.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toContain('amy');
  });
});
