// IAM users: list, detail, the create wizard (undone on failure) and the console-style delete.
import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand,
  DeactivateMFADeviceCommand, DeleteAccessKeyCommand, DeleteLoginProfileCommand, DeleteSSHPublicKeyCommand,
  DeleteServiceSpecificCredentialCommand, DeleteSigningCertificateCommand, DeleteUserCommand, DeleteVirtualMFADeviceCommand, GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand, GetUserCommand, ListServiceSpecificCredentialsCommand, RemoveUserFromGroupCommand, UpdateAccessKeyCommand,
  UpdateLoginProfileCommand, UpdateUserCommand,
  paginateListAccessKeys, paginateListGroupsForUser, paginateListMFADevices, paginateListSSHPublicKeys,
  paginateListSigningCertificates, paginateListUsers,
} from '@aws-sdk/client-iam';
import type { IAMClient, ServiceSpecificCredentialMetadata, User } from '@aws-sdk/client-iam';
import type { createUserRequest } from '@iam-console/api-contract/users.ts';
import type { z } from 'zod';
import { attachPolicy, attachedPolicies, detachPolicy, inlinePolicies, removeAllPolicies } from './principal-policies.ts';
import { collect, compact, fromTags, iso, listOrEmpty, orNull, pager, section, toTags } from './shape.ts';
import type { ApiTag, Unavailable } from './shape.ts';
import { runSteps } from './steps.ts';

// Built directly rather than through compact(): the list maps every user of the account (10,000 in one
// answer), and compact's entries/fromEntries round trip was most of that cost.
export function userSummary(u: Partial<User>) {
  const lastUsed = iso(u.PasswordLastUsed);
  return {
    userName: u.UserName ?? '',
    userId: u.UserId ?? '',
    arn: u.Arn ?? '',
    path: u.Path ?? '/',
    createDate: iso(u.CreateDate) ?? '',
    ...(lastUsed ? { passwordLastUsed: lastUsed } : {}),
  };
}

export async function listUsers(iam: IAMClient) {
  return (await collect(paginateListUsers(pager(iam), {}), (p) => p.Users)).map(userSummary);
}

/**
 * The user's keys with their last use. Last use is a separate permission (iam:GetAccessKeyLastUsed, which
 * the force-MFA self-service policy does not grant): without it the keys still show, last use is left out
 * and one `accessKeyLastUsed` refusal is reported.
 */
async function accessKeys(iam: IAMClient, userName: string, unavailable: Unavailable[]) {
  const keys = await collect(paginateListAccessKeys(pager(iam), { UserName: userName }), (p) => p.AccessKeyMetadata);
  const refused: Unavailable[] = [];
  const rows = await Promise.all(
    keys.map(async (k) => {
      const used = await section('accessKeyLastUsed', undefined, () => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId ?? '' })), refused);
      const last = used?.AccessKeyLastUsed;
      return compact({
        accessKeyId: k.AccessKeyId ?? '',
        status: k.Status ?? 'Active',
        createDate: iso(k.CreateDate) ?? '',
        lastUsed: used ? compact({ date: iso(last?.LastUsedDate), service: last?.ServiceName ?? 'N/A', region: last?.Region ?? 'N/A' }) : undefined,
      });
    }),
  );
  if (refused[0]) unavailable.push(refused[0]);
  return rows;
}

async function groupsOf(iam: IAMClient, userName: string) {
  const groups = await collect(paginateListGroupsForUser(pager(iam), { UserName: userName }), (p) => p.Groups);
  return groups.map((g) => ({ groupName: g.GroupName ?? '', arn: g.Arn ?? '' }));
}

export async function getUserDetail(iam: IAMClient, userName: string) {
  const { User: user } = await iam.send(new GetUserCommand({ UserName: userName }));
  const unavailable: Unavailable[] = [];
  const [groups, attached, inline, keys, mfaDevices, loginProfile] = await Promise.all([
    section('groups', [], () => groupsOf(iam, userName), unavailable),
    section('attachedPolicies', [], () => attachedPolicies(iam, 'user', userName), unavailable),
    section('inlinePolicies', [], () => inlinePolicies(iam, 'user', userName), unavailable),
    section('accessKeys', [], () => accessKeys(iam, userName, unavailable), unavailable),
    section('mfaDevices', [], async () => {
      const devices = await collect(paginateListMFADevices(pager(iam), { UserName: userName }), (p) => p.MFADevices);
      return devices.map((d) => ({ serialNumber: d.SerialNumber ?? '', enableDate: iso(d.EnableDate) ?? '' }));
    }, unavailable),
    section('loginProfile', null, async () => {
      const out = await orNull(iam.send(new GetLoginProfileCommand({ UserName: userName })));
      return out?.LoginProfile
        ? { createDate: iso(out.LoginProfile.CreateDate) ?? '', passwordResetRequired: out.LoginProfile.PasswordResetRequired ?? false }
        : null;
    }, unavailable),
  ]);
  const groupPolicies = await section('groupPolicies', [], () =>
    Promise.all(groups.map(async (g) => ({
      groupName: g.groupName,
      attached: await attachedPolicies(iam, 'group', g.groupName),
      inline: await inlinePolicies(iam, 'group', g.groupName),
    }))), unavailable);
  return {
    user: compact({
      ...userSummary(user ?? {}),
      permissionsBoundary: user?.PermissionsBoundary
        ? { policyArn: user.PermissionsBoundary.PermissionsBoundaryArn ?? '', type: user.PermissionsBoundary.PermissionsBoundaryType ?? 'Policy' }
        : undefined,
      tags: fromTags(user?.Tags),
    }),
    groups,
    attachedPolicies: attached,
    inlinePolicies: inline,
    groupPolicies,
    accessKeys: keys,
    mfaDevices,
    loginProfile,
    unavailable,
  };
}

/** POST /api/users's body, as the contract parsed it. */
export type CreateUserInput = z.infer<typeof createUserRequest>;

export async function createUser(iam: IAMClient, input: CreateUserInput) {
  const name = input.userName;
  return runSteps(`Creating user ${name}`, async (step) => {
    const created = await step(
      'Create user',
      () => iam.send(new CreateUserCommand({
        UserName: name,
        ...(input.path ? { Path: input.path } : {}),
        ...(input.permissionsBoundaryArn ? { PermissionsBoundary: input.permissionsBoundaryArn } : {}),
        ...(input.tags?.length ? { Tags: toTags(input.tags) } : {}),
      })),
      () => iam.send(new DeleteUserCommand({ UserName: name })),
    );
    if (input.consolePassword) {
      const { password, resetRequired } = input.consolePassword;
      await step('Create console password',
        () => iam.send(new CreateLoginProfileCommand({ UserName: name, Password: password, PasswordResetRequired: resetRequired })),
        () => iam.send(new DeleteLoginProfileCommand({ UserName: name })));
    }
    for (const groupName of input.groups ?? []) {
      await step(`Add to group ${groupName}`,
        () => iam.send(new AddUserToGroupCommand({ UserName: name, GroupName: groupName })),
        () => iam.send(new RemoveUserFromGroupCommand({ UserName: name, GroupName: groupName })));
    }
    for (const arn of input.managedPolicyArns ?? []) {
      await step(`Attach policy ${arn}`, () => attachPolicy(iam, 'user', name, arn), () => detachPolicy(iam, 'user', name, arn));
    }
    let accessKey: { accessKeyId: string; secretAccessKey: string } | undefined;
    if (input.createAccessKey) {
      const out = await step('Create access key',
        () => iam.send(new CreateAccessKeyCommand({ UserName: name })),
        (o) => iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: o.AccessKey?.AccessKeyId ?? '' })));
      accessKey = { accessKeyId: out.AccessKey?.AccessKeyId ?? '', secretAccessKey: out.AccessKey?.SecretAccessKey ?? '' };
    }
    return compact({ user: userSummary(created.User ?? {}), accessKey });
  });
}

/** The SDK has no paginator for this one; IAM pages it with Marker like the others. */
async function serviceSpecificCredentials(iam: IAMClient, userName: string): Promise<ServiceSpecificCredentialMetadata[]> {
  const all: ServiceSpecificCredentialMetadata[] = [];
  let marker: string | undefined;
  do {
    const out = await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ...(marker ? { Marker: marker } : {}) }));
    all.push(...(out.ServiceSpecificCredentials ?? []));
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return all;
}

/**
 * Removes everything that blocks DeleteUser, as the IAM console does, then deletes the user. Signing
 * certificates, SSH keys and service-specific (Git, Keyspaces…) credentials an endpoint does not know
 * (InvalidAction, e.g. the embedded one) count as none. A refused list is named as the failedStep.
 */
export async function deleteUser(iam: IAMClient, userName: string): Promise<void> {
  await runSteps(`Deleting user ${userName}`, async (step, look) => {
    const u = { UserName: userName };
    const listInput = () => ({ ...u }); // SDK paginators write Marker and MaxItems into the input they are given
    await step('Check the user exists', () => iam.send(new GetUserCommand(u)));
    const keys = await look('List access keys', () => collect(paginateListAccessKeys(pager(iam), listInput()), (p) => p.AccessKeyMetadata));
    for (const k of keys) {
      await step(`Delete access key ${k.AccessKeyId}`, () => iam.send(new DeleteAccessKeyCommand({ ...u, AccessKeyId: k.AccessKeyId ?? '' })));
    }
    const certificates = await look('List signing certificates', () => listOrEmpty(() => collect(paginateListSigningCertificates(pager(iam), listInput()), (p) => p.Certificates)));
    for (const c of certificates) {
      await step(`Delete signing certificate ${c.CertificateId}`, () => iam.send(new DeleteSigningCertificateCommand({ ...u, CertificateId: c.CertificateId ?? '' })));
    }
    const sshKeys = await look('List SSH public keys', () => listOrEmpty(() => collect(paginateListSSHPublicKeys(pager(iam), listInput()), (p) => p.SSHPublicKeys)));
    for (const k of sshKeys) {
      await step(`Delete SSH public key ${k.SSHPublicKeyId}`, () => iam.send(new DeleteSSHPublicKeyCommand({ ...u, SSHPublicKeyId: k.SSHPublicKeyId ?? '' })));
    }
    const serviceCredentials = await look('List service-specific credentials', () => listOrEmpty(() => serviceSpecificCredentials(iam, userName)));
    for (const c of serviceCredentials) {
      const id = c.ServiceSpecificCredentialId ?? '';
      await step(`Delete service-specific credential ${id} (${c.ServiceName})`, () => iam.send(new DeleteServiceSpecificCredentialCommand({ ...u, ServiceSpecificCredentialId: id })));
    }
    const devices = await look('List MFA devices', () => collect(paginateListMFADevices(pager(iam), listInput()), (p) => p.MFADevices));
    for (const d of devices) {
      const serial = d.SerialNumber ?? '';
      await step(`Deactivate MFA device ${serial}`, () => iam.send(new DeactivateMFADeviceCommand({ ...u, SerialNumber: serial })));
      if (serial.startsWith('arn:')) {
        await step(`Delete virtual MFA device ${serial}`, () => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
      }
    }
    await step('Delete console password', () => orNull(iam.send(new DeleteLoginProfileCommand(u))));
    await step('Remove policies', () => removeAllPolicies(iam, 'user', userName));
    for (const g of await look('List groups', () => groupsOf(iam, userName))) {
      await step(`Remove from group ${g.groupName}`, () => iam.send(new RemoveUserFromGroupCommand({ ...u, GroupName: g.groupName })));
    }
    await step('Delete user', () => iam.send(new DeleteUserCommand(u)));
  }, { undoable: false });
}

export async function updateUser(iam: IAMClient, userName: string, change: { newUserName?: string | undefined; newPath?: string | undefined }) {
  await iam.send(new UpdateUserCommand({
    UserName: userName,
    ...(change.newUserName ? { NewUserName: change.newUserName } : {}),
    ...(change.newPath ? { NewPath: change.newPath } : {}),
  }));
  const { User: user } = await iam.send(new GetUserCommand({ UserName: change.newUserName ?? userName }));
  return { user: userSummary(user ?? {}) };
}

export const addUserToGroup = (iam: IAMClient, userName: string, groupName: string) =>
  iam.send(new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }));
export const removeUserFromGroup = (iam: IAMClient, userName: string, groupName: string) =>
  iam.send(new RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName }));

/**
 * Changes the console password, or creates it when the user has none. Update first (not GetLoginProfile first):
 * a refusal then names the call that would have set the password, and a caller allowed to set passwords but
 * not to read login profiles still can.
 */
export async function setLoginProfile(iam: IAMClient, userName: string, password: string, resetRequired: boolean) {
  const input = { UserName: userName, Password: password, PasswordResetRequired: resetRequired };
  const updated = await orNull(iam.send(new UpdateLoginProfileCommand(input)));
  if (updated === null) await iam.send(new CreateLoginProfileCommand(input));
  return { created: updated === null };
}

export const deleteLoginProfile = (iam: IAMClient, userName: string) => iam.send(new DeleteLoginProfileCommand({ UserName: userName }));

export async function createAccessKey(iam: IAMClient, userName: string) {
  const { AccessKey: k } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: k?.AccessKeyId ?? '', secretAccessKey: k?.SecretAccessKey ?? '', status: k?.Status ?? 'Active', createDate: iso(k?.CreateDate) ?? '' };
}

export const updateAccessKey = (iam: IAMClient, userName: string, accessKeyId: string, status: 'Active' | 'Inactive') =>
  iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status }));
export const deleteAccessKey = (iam: IAMClient, userName: string, accessKeyId: string) =>
  iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }));
export const deactivateMfaDevice = (iam: IAMClient, userName: string, serialNumber: string) =>
  iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber }));
