// The signed-in user's own MFA devices that give a code: a FIDO security key (`…:u2f/…`) gives none that STS takes.
import { ListMFADevicesCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { mfaDeviceType } from '@iam-console/api-contract/arn.ts';

/** Throws IAM's error (AccessDenied when the user may not list them). */
export async function ownCodeDevices(iam: IAMClient, userName: string): Promise<string[]> {
  const devices = (await iam.send(new ListMFADevicesCommand({ UserName: userName }))).MFADevices ?? [];
  return devices.flatMap((d) => (d.SerialNumber && mfaDeviceType(d.SerialNumber) !== 'SecurityKey' ? [d.SerialNumber] : []));
}
