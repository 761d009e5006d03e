// The signed-in user's own MFA devices that give a code: a FIDO security key (`…:u2f/…`) gives none that STS takes.
import { ListMFADevicesCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';

const SECURITY_KEY = /^arn:aws[\w-]*:iam::\d{12}:u2f\//;

/** Throws IAM's error (AccessDenied when the user may not list them). */
export async function ownCodeDevices(iam: IAMClient, userName: string): Promise<string[]> {
  const devices = (await iam.send(new ListMFADevicesCommand({ UserName: userName }))).MFADevices ?? [];
  return devices.flatMap((d) => (d.SerialNumber && !SECURITY_KEY.test(d.SerialNumber) ? [d.SerialNumber] : []));
}
