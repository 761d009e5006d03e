// GET /api/me/security-credentials: the caller's access keys (with description and last use), MFA devices,
// console password and the account password policy. Each part is read with the call IAM offers a self-service
// user; a refused part (AccessDenied) comes back empty and named in `unavailable` with IAM's message, so the page
// can tell "none" from "not allowed" and, under a force-MFA policy, "locked until an MFA sign-in".
import {
  GetAccessKeyLastUsedCommand, GetAccountPasswordPolicyCommand, GetLoginProfileCommand,
  paginateListAccessKeys, paginateListMFADevices, paginateListUserTags,
} from '@aws-sdk/client-iam';
import type { AccessKeyMetadata, IAMClient, MFADevice } from '@aws-sdk/client-iam';
import { mfaDeviceType, shortName } from '@iam-console/api-contract/arn.ts';
import type { SecurityCredentials } from '@iam-console/api-contract/me.ts';
import { collect, compact, iso, orNull, pager, section } from '../shape.ts';
import type { Unavailable } from '../shape.ts';
import type { Caller } from './caller.ts';

/** The AWS console's device types: virtual (`…:mfa/<name>`), FIDO security key (`…:u2f/…`), else a hardware token's serial. */
export function describeMfaDevice(device: MFADevice): SecurityCredentials['mfaDevices'][number] {
  const serialNumber = device.SerialNumber ?? '';
  const type = mfaDeviceType(serialNumber);
  return {
    serialNumber,
    enableDate: iso(device.EnableDate) ?? '',
    deviceName: type === 'Virtual' ? shortName(serialNumber) : serialNumber,
    type,
  };
}

async function lastUse(iam: IAMClient, keys: AccessKeyMetadata[], unavailable: Unavailable[]) {
  const refused: Unavailable[] = [];
  const uses = await Promise.all(
    keys.map((k) => section('accessKeyLastUsed', undefined, async () => (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId ?? '' }))).AccessKeyLastUsed, refused)),
  );
  // One refusal says it all: every key's last use needs the same permission.
  if (refused[0]) unavailable.push(refused[0]);
  return uses;
}

/** Descriptions are user tags keyed by the access key id (as the AWS console writes them). */
async function descriptions(iam: IAMClient, caller: Caller, unavailable: Unavailable[]): Promise<Map<string, string>> {
  if (!caller.userName) return new Map();
  const tags = await section('accessKeyDescriptions', [], () => collect(paginateListUserTags(pager(iam), { UserName: caller.userName }), (p) => p.Tags), unavailable);
  return new Map(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
}

async function accessKeys(iam: IAMClient, caller: Caller, unavailable: Unavailable[]) {
  const keys = await section('accessKeys', [], () => collect(paginateListAccessKeys(pager(iam), {}), (p) => p.AccessKeyMetadata), unavailable);
  if (keys.length === 0) return [];
  const [uses, described] = await Promise.all([lastUse(iam, keys, unavailable), descriptions(iam, caller, unavailable)]);
  return keys.map((k, i) => {
    const used = uses[i];
    return compact({
      accessKeyId: k.AccessKeyId ?? '',
      status: k.Status === 'Inactive' ? ('Inactive' as const) : ('Active' as const),
      createDate: iso(k.CreateDate) ?? '',
      description: described.get(k.AccessKeyId ?? ''),
      lastUsed: used ? compact({ date: iso(used.LastUsedDate), service: used.ServiceName ?? 'N/A', region: used.Region ?? 'N/A' }) : undefined,
    });
  });
}

async function loginProfile(iam: IAMClient, caller: Caller, unavailable: Unavailable[]) {
  // The root user's password is not an IAM login profile.
  if (!caller.userName) return null;
  return section('loginProfile', null, async () => {
    const out = await orNull(iam.send(new GetLoginProfileCommand({ UserName: caller.userName })));
    const profile = out?.LoginProfile;
    return profile ? { createDate: iso(profile.CreateDate) ?? '', passwordResetRequired: profile.PasswordResetRequired ?? false } : null;
  }, unavailable);
}

export async function securityCredentials(iam: IAMClient, caller: Caller, sessionAccessKeyId: string | undefined): Promise<SecurityCredentials> {
  const unavailable: Unavailable[] = [];
  const [keys, devices, profile, policy] = await Promise.all([
    accessKeys(iam, caller, unavailable),
    section('mfaDevices', [], () => collect(paginateListMFADevices(pager(iam), {}), (p) => p.MFADevices), unavailable),
    loginProfile(iam, caller, unavailable),
    section('passwordPolicy', null, async () => (await orNull(iam.send(new GetAccountPasswordPolicyCommand({}))))?.PasswordPolicy ?? null, unavailable),
  ]);
  return compact({
    principalType: caller.type,
    userName: caller.userName,
    sessionAccessKeyId,
    accessKeys: keys,
    mfaDevices: devices.map(describeMfaDevice),
    loginProfile: profile,
    passwordPolicy: policy ? compact({ ...policy }) : null,
    unavailable,
  });
}
