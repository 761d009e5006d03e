// What the Switch role page needs to know about the signed-in principal: whether it may switch at all, its MFA
// devices (for the MFA code field), the longest session a switch may ask for and its recent roles.
import type { IAMClient } from '@aws-sdk/client-iam';
import type { RecentRole, SwitchRoleContext } from '@iam-console/api-contract/switch-role.ts';
import { ASSUME_ROLE_DURATION, ROLE_CHAINING_MAX_SECONDS } from '@iam-console/api-contract/switch-role-links.ts';
import { isAwsError, trimEnd } from '../../aws/errors.ts';
import type { RecentRoleEntry } from '../../session/recent-roles.ts';
import type { Identity } from '../../session/session-data.ts';
import { isAwsCode } from '../shape.ts';
import type { Unavailable } from '../shape.ts';
import { ownCodeDevices } from './own-mfa.ts';

export interface ContextInput {
  caller: Identity;
  iam: IAMClient;
  mfaAuthenticated: boolean;
  secondsLeft: number;
  recent: RecentRoleEntry[];
}

export const recentRoleOf = (entry: RecentRoleEntry): RecentRole => ({
  account: entry.account,
  accountId: entry.accountId,
  roleName: entry.roleName,
  roleArn: entry.roleArn,
  displayName: entry.displayName,
  ...(entry.color ? { color: entry.color as RecentRole['color'] } : {}),
  switchedAt: new Date(entry.switchedAt).toISOString(),
});

async function mfaDevices(input: ContextInput, unavailable: Unavailable[]): Promise<string[]> {
  if (input.caller.type !== 'user' || !input.caller.userName) return [];
  try {
    return await ownCodeDevices(input.iam, input.caller.userName);
  } catch (err) {
    if (!isAwsError(err) || !isAwsCode(err, 'AccessDenied')) throw err;
    unavailable.push({ section: 'mfaDevices', code: 'AccessDenied', message: trimEnd(err.message) });
    return [];
  }
}

export async function switchRoleContext(input: ContextInput): Promise<SwitchRoleContext> {
  const { caller } = input;
  const unavailable: Unavailable[] = [];
  const root = caller.type === 'root';
  const roleChaining = caller.type === 'assumed-role';
  const cap = roleChaining ? ROLE_CHAINING_MAX_SECONDS : ASSUME_ROLE_DURATION.max;
  return {
    signedInAs: caller,
    canSwitch: !root,
    ...(root ? { reason: 'You cannot switch roles when you sign in as the AWS account root user. Sign in as an IAM user to switch roles.' } : {}),
    mfaAuthenticated: input.mfaAuthenticated,
    mfaSerialNumbers: root ? [] : await mfaDevices(input, unavailable),
    roleChaining,
    maxDurationSeconds: Math.max(ASSUME_ROLE_DURATION.min, Math.min(cap, input.secondsLeft)),
    recent: input.recent.map(recentRoleOf),
    unavailable,
  };
}
