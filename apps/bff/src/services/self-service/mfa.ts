// The caller's own virtual MFA device, as the IAM User Guide's console procedure enrolls it ("Enable a virtual MFA
// device for an IAM user (console)"): CreateVirtualMFADevice gives the QR code and the Base32 seed, EnableMFADevice
// takes two consecutive codes. A wrong or stale code leaves the device waiting for another try; a cancelled
// enrollment deletes the unassigned device, so no orphan blocks the name (User Guide, "I am not authorized to
// perform: iam:DeleteVirtualMFADevice").
import {
  CreateVirtualMFADeviceCommand, DeactivateMFADeviceCommand, DeleteVirtualMFADeviceCommand, EnableMFADeviceCommand, ResyncMFADeviceCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { mfaDeviceType, shortName } from '@iam-console/api-contract/arn.ts';
import type { CreatedVirtualMfaDevice, RemoveMfaDeviceAnswer } from '@iam-console/api-contract/me.ts';
import { awsErrorCode, isAwsError, trimEnd } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';
import { toApiError } from '../../http/error-middleware.ts';
import { isAwsCode } from '../shape.ts';
import { ownName, requireUserName } from './caller.ts';
import type { Caller } from './caller.ts';

/** IAM's errors of the enrollment, with what the person can do next. */
function explain(err: unknown, deviceName: string, step: 'create' | 'enable' | 'resync'): unknown {
  if (!isAwsError(err)) return err;
  const code = awsErrorCode(err);
  const apiError = toApiError(err);
  const aws = `(AWS: ${trimEnd(err.message)})`;
  const say = (message: string) => new ApiError(apiError.status, apiError.code, message, apiError.extra);
  if (code === 'InvalidAuthenticationCode') {
    return say(`The MFA codes were not accepted ${aws}. Type the code the app shows now into MFA code 1, wait for the next one and type it into MFA code 2, then choose Add MFA right away. Check that the device's clock is right.`);
  }
  // CreateVirtualMFADevice's conflict is the name; EnableMFADevice's is a device already in use.
  if (code === 'EntityAlreadyExists' && step === 'create') {
    return say(`A virtual MFA device named ${deviceName} already exists ${aws}. It may be left over from an enrollment that was cancelled: choose another device name, or ask an administrator to delete the unassigned device (aws iam delete-virtual-mfa-device).`);
  }
  return err;
}

export async function createOwnVirtualMfaDevice(iam: IAMClient, deviceName: string): Promise<CreatedVirtualMfaDevice> {
  try {
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: deviceName, Path: '/' }))).VirtualMFADevice;
    // Blobs: the seed is Base32 text, the QR code PNG bytes.
    return {
      serialNumber: device?.SerialNumber ?? '',
      base32StringSeed: Buffer.from(device?.Base32StringSeed ?? new Uint8Array()).toString('utf8'),
      qrCodePng: Buffer.from(device?.QRCodePNG ?? new Uint8Array()).toString('base64'),
    };
  } catch (err) {
    throw explain(err, deviceName, 'create');
  }
}

export async function enableOwnMfaDevice(iam: IAMClient, caller: Caller, serialNumber: string, code1: string, code2: string): Promise<void> {
  // EnableMFADevice's API model requires UserName: the caller's own.
  const userName = requireUserName(caller, 'Assigning an MFA device through the API');
  try {
    await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
  } catch (err) {
    throw explain(err, shortName(serialNumber), 'enable');
  }
}

export async function resyncOwnMfaDevice(iam: IAMClient, caller: Caller, serialNumber: string, code1: string, code2: string): Promise<void> {
  const userName = requireUserName(caller, 'Resynchronizing an MFA device through the API');
  try {
    await iam.send(new ResyncMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
  } catch (err) {
    throw explain(err, serialNumber, 'resync');
  }
}

/** Cancel: the device this session created and never enabled is deleted. */
export async function deletePendingMfaDevice(iam: IAMClient, serialNumber: string): Promise<void> {
  try {
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
  } catch (err) {
    if (isAwsCode(err, 'NoSuchEntity')) return; // already gone
    if (!isAwsCode(err, 'AccessDenied')) throw err;
    const apiError = toApiError(err);
    throw new ApiError(apiError.status, apiError.code,
      `${apiError.message}. IAM does not let you delete the virtual MFA device you started to assign, so cancelling would leave ${serialNumber} unassigned, and its name taken, until an administrator deletes it. Finish assigning it instead, or ask an administrator to run aws iam delete-virtual-mfa-device --serial-number ${serialNumber}.`,
      apiError.extra);
  }
}

/** Remove, as the AWS console does: deactivate, and delete a virtual device when IAM allows it. */
export async function removeOwnMfaDevice(iam: IAMClient, caller: Caller, serialNumber: string): Promise<RemoveMfaDeviceAnswer> {
  await iam.send(new DeactivateMFADeviceCommand({ ...ownName(caller), SerialNumber: serialNumber }));
  if (mfaDeviceType(serialNumber) !== 'Virtual') return { virtualDeviceDeleted: false };
  try {
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
    return { virtualDeviceDeleted: true };
  } catch (err) {
    if (!isAwsCode(err, 'AccessDenied')) throw err;
    return { virtualDeviceDeleted: false, reason: toApiError(err).message };
  }
}
