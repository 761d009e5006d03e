// Why STS refused a switch, in words (IAM User Guide, "I can't assume a role"). STS says little: AccessDenied for a
// trust policy that does not let the caller in, a missing or wrong external ID, missing MFA and a role that does not
// exist alike; ValidationError for a duration over the role's maximum or over role chaining's hour. Where IAM lets the
// caller read the role, its trust policy is evaluated with the policy engine to name the condition that failed.
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { splitRoleNameWithPath } from '@iam-console/api-contract/switch-role-links.ts';
import { awsErrorCode, requestIdOf, trimEnd } from '../../aws/errors.ts';
import type { AwsErrorLike } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';
import { toApiError } from '../../http/error-middleware.ts';
import { decodePolicy, isAwsCode } from '../shape.ts';
import { checkTrust, isExternalIdKey, isMfaKey } from './trust-check.ts';
import type { TrustVerdict } from './trust-check.ts';
import type { Switcher } from './switcher.ts';

export interface Attempt {
  switcher: Switcher;
  roleArn: string;
  accountId: string;
  roleName: string;
  sessionName: string;
  durationSeconds: number;
  mfa: boolean;
  serialNumber?: string | undefined;
  externalId?: string | undefined;
}

const hours = (seconds: number) => {
  const h = seconds / 3600;
  return Number.isInteger(h) ? `${h} hour${h === 1 ? '' : 's'}` : `${seconds} seconds`;
};

type Field = 'account' | 'roleName' | 'externalId' | 'mfaCode' | 'durationSeconds';

/** `field`: the form field to change and what to do there, in a few words. */
function refusal(err: AwsErrorLike, status: number, code: string, message: string, field?: [Field, string]): ApiError {
  return new ApiError(status, code, `${message} (AWS: ${trimEnd(err.message)})`, {
    ...requestIdOf(err),
    ...(field ? { details: [{ path: field[0], message: field[1] }] } : {}),
  });
}

type RoleLookup = { kind: 'found'; trust: string; maxSessionDuration: number | undefined } | { kind: 'missing' } | { kind: 'unknown'; why: string };

/** The role as the caller may see it: only roles of the caller's own account can be looked up. */
async function lookUpRole(attempt: Attempt): Promise<RoleLookup> {
  const { switcher } = attempt;
  if (attempt.accountId !== switcher.caller.accountId) return { kind: 'unknown', why: `the role is in another account (${attempt.accountId}), whose roles the console cannot read` };
  try {
    const { path, name } = splitRoleNameWithPath(attempt.roleName);
    const role = (await switcher.clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
    if (!role || role.Path !== path) return { kind: 'missing' };
    return { kind: 'found', trust: decodePolicy(role.AssumeRolePolicyDocument), maxSessionDuration: role.MaxSessionDuration };
  } catch (err) {
    if (isAwsCode(err, 'NoSuchEntity')) return { kind: 'missing' };
    if (isAwsCode(err, 'AccessDenied')) return { kind: 'unknown', why: 'IAM does not let you read the role (iam:GetRole)' };
    throw err;
  }
}

function durationRefusal(err: AwsErrorLike, attempt: Attempt, role: RoleLookup): ApiError {
  if (/role chaining/i.test(err.message)) {
    return refusal(err, 400, 'ValidationError', `You are signed in with a role session (${attempt.switcher.caller.arn}), so this switch is role chaining, and AWS limits a chained role session to 1 hour. Choose a session duration of at most 1 hour.`, ['durationSeconds', 'At most 1 hour with role chaining']);
  }
  const max = role.kind === 'found' && role.maxSessionDuration ? ` (${hours(role.maxSessionDuration)})` : '';
  return refusal(err, 400, 'ValidationError', `The session duration you chose (${hours(attempt.durationSeconds)}) is longer than the role's maximum session duration${max}. Choose a shorter one, or ask an administrator to raise the role's maximum.`, ['durationSeconds', role.kind === 'found' && role.maxSessionDuration ? `At most ${hours(role.maxSessionDuration)} for this role` : "Shorter than the role's maximum session duration"]);
}

function conditionRefusal(err: AwsErrorLike, attempt: Attempt, verdict: Extract<TrustVerdict, { kind: 'condition' }>): ApiError {
  const role = attempt.roleArn;
  if (isMfaKey(verdict.key)) {
    const how = attempt.switcher.mfaAuthenticated
      ? 'Your MFA sign-in does not meet it (the role may want a recent one): enter the code your MFA device shows now.'
      : 'You signed in without MFA: enter the code your MFA device shows now in MFA code.';
    return refusal(err, 403, 'AccessDenied', `The trust policy of ${role} requires MFA (${verdict.operator} ${verdict.key}). ${how}`, ['mfaCode', 'Enter the code your MFA device shows now']);
  }
  if (isExternalIdKey(verdict.key)) {
    const given = attempt.externalId === undefined ? 'You gave no external ID.' : 'The external ID you gave is not the one it expects.';
    return refusal(err, 403, 'AccessDenied', `The trust policy of ${role} requires an external ID (sts:ExternalId). ${given} Ask the role's owner for it.`, ['externalId', 'Enter the external ID the role expects']);
  }
  if (verdict.key.toLowerCase() === 'sts:rolesessionname') {
    return refusal(err, 403, 'AccessDenied', `The trust policy of ${role} requires another role session name (${verdict.operator} sts:RoleSessionName ${verdict.values.join(', ')}); the console names the session after you (${attempt.sessionName}).`, ['roleName', 'The role expects another role session name']);
  }
  return refusal(err, 403, 'AccessDenied', `The trust policy of ${role} lets you in only when ${verdict.operator} ${verdict.key} ${verdict.values.join(', ')} holds, which a switch from the console does not meet.`, ['roleName', 'A condition of the trust policy is not met']);
}

/** AccessDenied for the role itself: what the trust policy says, when the role can be read. */
async function trustRefusal(err: AwsErrorLike, attempt: Attempt): Promise<ApiError> {
  const role = await lookUpRole(attempt);
  if (role.kind === 'missing') {
    return refusal(err, 403, 'AccessDenied', `There is no role ${attempt.roleName} in account ${attempt.accountId}: check the role name (with its path, if it has one) and the account.`, ['roleName', 'No such role in this account']);
  }
  if (role.kind === 'unknown') {
    return refusal(err, 403, 'AccessDenied', `AWS refused the switch to ${attempt.roleArn}: the role's trust policy does not let you in (it may require MFA or an external ID), your own policies do not allow sts:AssumeRole on it, or it does not exist. The console cannot tell which: ${role.why}.`, ['roleName', 'Check the role, the account, and what the role requires']);
  }
  const verdict = checkTrust(role.trust, { caller: attempt.switcher.caller, roleArn: attempt.roleArn, sessionName: attempt.sessionName, mfa: attempt.mfa, externalId: attempt.externalId });
  if (verdict.kind === 'condition') return conditionRefusal(err, attempt, verdict);
  if (verdict.kind === 'explicitDeny') {
    return refusal(err, 403, 'AccessDenied', `The trust policy of ${attempt.roleArn} denies you${verdict.sid ? ` (statement ${verdict.sid})` : ''}.`, ['roleName', 'The role denies you']);
  }
  if (verdict.kind === 'notTrusted') {
    return refusal(err, 403, 'AccessDenied', `The trust policy of ${attempt.roleArn} does not trust you: it names neither you (${attempt.switcher.caller.arn}) nor your account as a principal that may assume the role.`, ['roleName', 'The role does not trust you']);
  }
  // The trust policy lets the caller in: the refusal came from the caller's own side.
  return refusal(err, 403, 'AccessDenied', `The trust policy of ${attempt.roleArn} lets you in, but your own permissions do not: none of your policies allows sts:AssumeRole on the role, or a permissions boundary or policy denies it.`);
}

export async function explainRefusal(err: AwsErrorLike, attempt: Attempt): Promise<ApiError> {
  const code = awsErrorCode(err);
  if (code === 'ValidationError' && /DurationSeconds/.test(err.message)) {
    return durationRefusal(err, attempt, /role chaining/i.test(err.message) ? { kind: 'unknown', why: '' } : await lookUpRole(attempt));
  }
  if (code !== 'AccessDenied') return toApiError(err);
  if (/invalid MFA one time pass code/i.test(err.message)) {
    return refusal(err, 403, 'InvalidMfaCode', `The MFA code is not valid for ${attempt.serialNumber ?? 'your MFA device'}: enter the code the device shows now (each code works once).`, ['mfaCode', 'Enter the code your MFA device shows now']);
  }
  if (/unable to validate MFA code/i.test(err.message)) {
    return refusal(err, 403, 'InvalidMfaCode', `${attempt.serialNumber ?? 'The MFA device'} is not an MFA device of yours, so its code cannot prove MFA for you.`, ['mfaCode', 'Not an MFA device of yours']);
  }
  if (/root accounts/i.test(err.message)) {
    return refusal(err, 400, 'CannotSwitchRoles', 'You cannot switch roles when you sign in as the AWS account root user.');
  }
  if (/with an explicit deny in an identity-based policy/i.test(err.message)) {
    return refusal(err, 403, 'AccessDenied', `One of your own policies denies sts:AssumeRole on ${attempt.roleArn}.`);
  }
  if (/no identity-based policy allows/i.test(err.message)) {
    return refusal(err, 403, 'AccessDenied', `None of your own policies allows sts:AssumeRole on ${attempt.roleArn}: an administrator must grant it to you (IAM User Guide, "Granting a user permissions to switch roles").`);
  }
  if (/permissions boundary/i.test(err.message)) {
    return refusal(err, 403, 'AccessDenied', `Your permissions boundary does not allow sts:AssumeRole on ${attempt.roleArn}.`);
  }
  return trustRefusal(err, attempt);
}
