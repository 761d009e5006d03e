// "Switch role" as the AWS console does it (IAM User Guide, "Switching to a role (console)"): AssumeRole with the
// signed-in principal's own credentials (also when already switched: the console always authorizes a switch with
// the original credentials), the principal's name as the role session name, and by default the role's maximum
// session duration or the time left in the console session, whichever is less.
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { GetRoleCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { buildArn, parseArn } from '@iam-console/api-contract/arn.ts';
import type { SwitchRoleInput } from '@iam-console/api-contract/switch-role.ts';
import { ACCOUNT_ID, ASSUME_ROLE_DURATION, ROLE_CHAINING_MAX_SECONDS, splitRoleNameWithPath } from '@iam-console/api-contract/switch-role-links.ts';
import { isAwsError, requestIdOf, trimEnd } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';
import type { SessionCredentials } from '../../session/credential-cipher.ts';
import type { Identity, SwitchedRoleState } from '../../session/session-data.ts';
import { describeArn } from '../sign-in.ts';
import { isAwsCode } from '../shape.ts';
import { ownCodeDevices } from './own-mfa.ts';
import { explainRefusal } from './refusal.ts';
import type { Switcher } from './switcher.ts';

export type { SwitchRoleInput };

/** The switch's outcome: the session's switched-role state, with the credentials still to be sealed. */
export type SwitchedRole = Omit<SwitchedRoleState, 'sealedCredentials' | 'expiresAt'> & { credentials: SessionCredentials };

/** The role session is named after the signed-in principal, as the AWS console names it: the user name. */
export function roleSessionName(caller: Identity): string {
  const name = caller.type === 'assumed-role' ? (parseArn(caller.arn)?.sessionName ?? caller.userId) : (caller.userName ?? caller.userId);
  // RoleSessionName: 2-64 characters of [\w+=,.@-] (AWS STS API Reference, AssumeRole).
  const clean = name.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return clean.length >= 2 ? clean : `${clean}--`.slice(0, 2);
}

export function refuseRoot(caller: Identity): void {
  if (caller.type === 'root') {
    throw new ApiError(400, 'CannotSwitchRoles', 'You cannot switch roles when you sign in as the AWS account root user (IAM User Guide, "Switching to a role (console)"). Sign in as an IAM user to switch roles.');
  }
}

/**
 * The account ID an "Account" field names. Only the caller's own account alias can be resolved: IAM tells the alias
 * of the account whose credentials ask (ListAccountAliases) and of no other.
 */
async function accountIdOf(account: string, switcher: Switcher): Promise<string> {
  if (ACCOUNT_ID.test(account)) return account;
  const { caller } = switcher;
  if (caller.accountAlias === account) return caller.accountId;
  try {
    const aliases = (await switcher.clients.iam.send(new ListAccountAliasesCommand({}))).AccountAliases ?? [];
    if (aliases.includes(account)) return caller.accountId;
  } catch (err) {
    if (!isAwsError(err) || !isAwsCode(err, 'AccessDenied')) throw err;
    throw new ApiError(400, 'ValidationError', `IAM does not let you read this account's alias (AWS: ${trimEnd(err.message)}), so the console cannot tell which account "${account}" is. Enter its 12-digit account ID.`, {
      ...requestIdOf(err),
      details: [{ path: 'account', message: 'Enter the 12-digit account ID' }],
    });
  }
  throw new ApiError(400, 'ValidationError', `"${account}" is not the alias of your account (${caller.accountAlias ?? caller.accountId}). The console can find only its own account by alias: enter the 12-digit ID of the account "${account}".`, {
    details: [{ path: 'account', message: 'Enter the 12-digit account ID' }],
  });
}

/** The role's MaxSessionDuration, when the role is in the caller's account and IAM lets the caller read it. */
export async function maxSessionDurationOf(switcher: Switcher, accountId: string, roleName: string): Promise<number | undefined> {
  if (accountId !== switcher.caller.accountId) return undefined;
  try {
    const role = (await switcher.clients.iam.send(new GetRoleCommand({ RoleName: splitRoleNameWithPath(roleName).name }))).Role;
    return role?.MaxSessionDuration;
  } catch (err) {
    if (isAwsCode(err, 'AccessDenied', 'NoSuchEntity')) return undefined;
    throw err;
  }
}

/** Without a chosen duration: the role's maximum or the time left in the session, whichever is less (and 1 hour when chaining). */
async function durationOf(input: SwitchRoleInput, switcher: Switcher, accountId: string): Promise<number> {
  if (input.durationSeconds !== undefined) return input.durationSeconds;
  const chaining = switcher.caller.type === 'assumed-role';
  const roleMax = chaining ? ROLE_CHAINING_MAX_SECONDS : ((await maxSessionDurationOf(switcher, accountId, input.roleName)) ?? ASSUME_ROLE_DURATION.default);
  return Math.max(ASSUME_ROLE_DURATION.min, Math.min(roleMax, switcher.secondsLeft));
}

/** The device a code is from: the one named, else the caller's first device that gives codes. */
async function mfaDeviceOf(input: SwitchRoleInput, switcher: Switcher): Promise<string> {
  if (input.serialNumber) return input.serialNumber;
  const { caller } = switcher;
  const missing = (message: string, extra: object = {}) => new ApiError(400, 'MfaSerialNumberRequired', message, { ...extra, details: [{ path: 'mfaCode', message }] });
  if (caller.type !== 'user' || !caller.userName) throw missing('Only an IAM user can send an MFA code with a switch.');
  let serials: string[];
  try {
    serials = await ownCodeDevices(switcher.clients.iam, caller.userName);
  } catch (err) {
    if (!isAwsError(err) || !isAwsCode(err, 'AccessDenied')) throw err;
    throw missing(`IAM does not let you list your MFA devices (AWS: ${trimEnd(err.message)}), so the console cannot tell which device the code is from.`, requestIdOf(err));
  }
  if (serials[0]) return serials[0];
  throw missing('You have no MFA device that shows codes, so an MFA code cannot come from one. Assign a virtual MFA device under My security credentials first.');
}

export async function switchRole(input: SwitchRoleInput, switcher: Switcher): Promise<SwitchedRole> {
  const { caller } = switcher;
  refuseRoot(caller);
  const accountId = await accountIdOf(input.account, switcher);
  const partition = parseArn(caller.arn)?.partition ?? 'aws';
  const roleArn = buildArn({ partition, accountId, resourceType: 'role', ...splitRoleNameWithPath(input.roleName) });
  const durationSeconds = await durationOf(input, switcher, accountId);
  const serialNumber = input.mfaCode ? await mfaDeviceOf(input, switcher) : undefined;
  const sessionName = roleSessionName(caller);
  try {
    const out = await switcher.clients.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: sessionName,
        DurationSeconds: durationSeconds,
        ...(input.externalId ? { ExternalId: input.externalId } : {}),
        ...(serialNumber ? { SerialNumber: serialNumber, TokenCode: input.mfaCode } : {}),
      }),
    );
    const c = out.Credentials;
    const arn = out.AssumedRoleUser?.Arn;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration || !arn) {
      throw new ApiError(502, 'InvalidStsResponse', 'STS returned no temporary credentials.');
    }
    const identity = describeArn(arn, accountId, out.AssumedRoleUser?.AssumedRoleId ?? '');
    identity.accountAlias = accountId === caller.accountId ? (caller.accountAlias ?? null) : ACCOUNT_ID.test(input.account) ? null : input.account;
    return {
      identity,
      roleArn,
      account: input.account,
      roleName: input.roleName,
      displayName: input.displayName || splitRoleNameWithPath(input.roleName).name || input.roleName,
      color: input.color,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: new Date(c.Expiration).toISOString() },
    };
  } catch (err) {
    if (!isAwsError(err)) throw err;
    throw await explainRefusal(err, { switcher, roleArn, accountId, roleName: input.roleName, sessionName, durationSeconds, mfa: switcher.mfaAuthenticated || serialNumber !== undefined, serialNumber, externalId: input.externalId });
  }
}
