import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeQrPng } from './helpers/qr.ts';
import { URI, TOTP } from 'otpauth';
import {
  assignMfaDevice,
  createVirtualMfaDevice,
  deactivateMfaDevice,
  deleteVirtualMfaDevice,
  enableMfaDevice,
  listMfaDevices,
  listVirtualMfaDevices,
  resyncMfaDevice,
  totpCode,
  verifyMfaCode,
} from '../src/model/mfa.ts';
import { createAccountAlias } from '../src/model/account.ts';
import { requireUserOwner } from '../src/model/credential-owner.ts';
import { credentialDeleteConflict } from '../src/model/credential-dependencies.ts';
import { insertUser, openTempAccount, type TempAccount } from './helpers/temp-account.ts';
import { expectIamError } from './helpers/iam-error.ts';

let temp: TempAccount;
const now = new Date('2026-03-01T10:00:10Z');
const step = (n: number) => new Date(now.getTime() + n * 30_000);
beforeEach(() => {
  temp = openTempAccount('111122223333');
  insertUser(temp.db, 'alice');
  insertUser(temp.db, 'bob');
});
afterEach(() => temp.close());
const alice = () => requireUserOwner(temp.db, 'alice');
const bob = () => requireUserOwner(temp.db, 'bob');

/** Codes an authenticator app would show: the previous and the current one. */
const pairEndingAt = (seed: string, at: Date) => [totpCode(seed, step(-1 + (at.getTime() - now.getTime()) / 30_000)), totpCode(seed, at)] as const;

describe('virtual MFA devices (model)', () => {
  it('creates a device whose QR code decodes to the otpauth URI with the seed', async () => {
    createAccountAlias(temp.db, 'acme-test');
    const device = await createVirtualMfaDevice(temp.db, { name: 'alice', path: '/', now });
    expect(device.serialNumber).toBe('arn:aws:iam::111122223333:mfa/alice');
    expect(device.base32Seed).toMatch(/^[A-Z2-7]{64}$/);
    expect(decodeQrPng(device.qrCodePng)).toBe(device.otpauthUri);
    expect(device.otpauthUri).toMatch(/^otpauth:\/\/totp\/Amazon%20Web%20Services:alice%40acme-test\?secret=[A-Z2-7]{64}&issuer=Amazon%20Web%20Services$/);
    const parsed = URI.parse(device.otpauthUri) as TOTP;
    expect(parsed.secret.base32).toBe(device.base32Seed);
    expect(parsed.generate({ timestamp: now.getTime() })).toBe(totpCode(device.base32Seed, now));
    await expectIamError(() => createVirtualMfaDevice(temp.db, { name: 'alice', path: '/', now }), 'EntityAlreadyExists', 'MFA device already exists.');
  });

  it('enables with two consecutive codes, lists it, and blocks deleting the user', async () => {
    const device = await createVirtualMfaDevice(temp.db, { name: 'alice', path: '/people/', now });
    expect(device.serialNumber).toBe('arn:aws:iam::111122223333:mfa/people/alice');
    await expectIamError(() => enableMfaDevice(temp.db, alice(), device.serialNumber, '123456', '654321', now), 'InvalidAuthenticationCode', 'Authentication code for device is not valid.');
    const [code1, code2] = pairEndingAt(device.base32Seed, now);
    // Swapped codes are not consecutive.
    await expectIamError(() => enableMfaDevice(temp.db, alice(), device.serialNumber, code2, code1, now), 'InvalidAuthenticationCode');
    enableMfaDevice(temp.db, alice(), device.serialNumber, code1, code2, now);
    expect(listMfaDevices(temp.db, alice())).toEqual([expect.objectContaining({ serialNumber: device.serialNumber, enableDate: new Date('2026-03-01T10:00:10Z') })]);
    expect(credentialDeleteConflict(temp.db, 'alice')?.message).toBe('Cannot delete entity, must delete MFA device first.');
    await expectIamError(() => enableMfaDevice(temp.db, bob(), device.serialNumber, code1, code2, step(2)), 'EntityAlreadyExists', 'MFA Device is already in use.');
    await expectIamError(() => deleteVirtualMfaDevice(temp.db, device.serialNumber), 'DeleteConflict');
    expect(listVirtualMfaDevices(temp.db, 'Assigned').map((d) => d.userId)).toEqual([alice().userId]);
    expect(listVirtualMfaDevices(temp.db, 'Unassigned')).toEqual([]);
  });

  it('verifies STS codes once per time step, for the right user only', async () => {
    const device = await createVirtualMfaDevice(temp.db, { name: 'alice', path: '/', now });
    const [code1, code2] = pairEndingAt(device.base32Seed, step(-1));
    enableMfaDevice(temp.db, alice(), device.serialNumber, code1, code2, now);
    const current = totpCode(device.base32Seed, now);
    expect(verifyMfaCode(temp.db, device.serialNumber, current, now, { userName: 'bob' })).toBe(false);
    expect(verifyMfaCode(temp.db, device.serialNumber, current, now, { userName: 'alice' })).toBe(true);
    expect(verifyMfaCode(temp.db, device.serialNumber, current, now, { userName: 'alice' })).toBe(false); // replay
    expect(verifyMfaCode(temp.db, device.serialNumber, totpCode(device.base32Seed, step(1)), step(1))).toBe(true);
    expect(verifyMfaCode(temp.db, device.serialNumber, totpCode(device.base32Seed, step(5)), step(1))).toBe(false); // too far ahead
    expect(verifyMfaCode(temp.db, 'arn:aws:iam::111122223333:mfa/nobody', current, now)).toBe(false);
  });

  it('resyncs a drifted device, deactivates and deletes it', async () => {
    const device = await createVirtualMfaDevice(temp.db, { name: 'alice', path: '/', now });
    assignMfaDevice(temp.db, alice(), device.serialNumber, now);
    const drifted = step(12);
    const [code1, code2] = pairEndingAt(device.base32Seed, drifted);
    await expectIamError(() => resyncMfaDevice(temp.db, bob(), device.serialNumber, code1, code2, now), 'NoSuchEntity');
    await expectIamError(() => resyncMfaDevice(temp.db, alice(), device.serialNumber, '000000', '111111', now), 'InvalidAuthenticationCode');
    resyncMfaDevice(temp.db, alice(), device.serialNumber, code1, code2, now);
    await expectIamError(() => deactivateMfaDevice(temp.db, bob(), device.serialNumber), 'NoSuchEntity', /does not exist/);
    deactivateMfaDevice(temp.db, alice(), device.serialNumber);
    expect(listMfaDevices(temp.db, alice())).toEqual([]);
    expect(listVirtualMfaDevices(temp.db, 'Unassigned').map((d) => d.serialNumber)).toEqual([device.serialNumber]);
    deleteVirtualMfaDevice(temp.db, device.serialNumber);
    expect(listVirtualMfaDevices(temp.db, 'Any')).toEqual([]);
    await expectIamError(() => deleteVirtualMfaDevice(temp.db, device.serialNumber), 'NoSuchEntity');
  });

  it('limits a user to 8 devices', async () => {
    for (let i = 0; i < 8; i++) {
      const device = await createVirtualMfaDevice(temp.db, { name: `alice-${i}`, path: '/', now });
      assignMfaDevice(temp.db, alice(), device.serialNumber, now);
    }
    const ninth = await createVirtualMfaDevice(temp.db, { name: 'alice-9', path: '/', now });
    const [code1, code2] = pairEndingAt(ninth.base32Seed, now);
    await expectIamError(() => enableMfaDevice(temp.db, alice(), ninth.serialNumber, code1, code2, now), 'LimitExceeded', 'Cannot exceed quota for MFADevicesPerUser: 8');
  });
});
