// "Roles I can assume": the roles of the account whose trust policy lets the signed-in principal in (the policy
// engine, on the trust policies ListRoles returns) and whose sts:AssumeRole the principal's own policies allow (IAM's
// policy simulator, SimulatePrincipalPolicy, which weighs its identity policies and permissions boundary). When IAM
// refuses either, the roles recently switched to stand in, and the answer says why the list is partial.
import { paginateListRoles, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { EvaluationResult, IAMClient, Role } from '@aws-sdk/client-iam';
import type { AssumableRole, AssumableRoles } from '@iam-console/api-contract/switch-role.ts';
import { buildArn, parseArn } from '@iam-console/api-contract/arn.ts';
import { roleNameWithPath } from '@iam-console/api-contract/switch-role-links.ts';
import { awsErrorCode, isAwsError, trimEnd } from '../../aws/errors.ts';
import type { RecentRoleEntry } from '../../session/recent-roles.ts';
import type { Identity } from '../../session/session-data.ts';
import { collect, decodePolicy, isAwsCode, pager } from '../shape.ts';
import type { Unavailable } from '../shape.ts';
import { roleSessionName } from './switch.ts';
import { ownCodeDevices } from './own-mfa.ts';
import { trustRequirements } from './trust-check.ts';

export interface AssumableRolesInput {
  caller: Identity;
  iam: IAMClient;
  mfaAuthenticated: boolean;
  recent: RecentRoleEntry[];
}

/** Whether the caller could send an MFA code with a switch: it has a device, or IAM does not say (then it may). */
async function mfaPossible(input: AssumableRolesInput): Promise<boolean> {
  if (input.mfaAuthenticated) return true;
  if (input.caller.type !== 'user' || !input.caller.userName) return false;
  try {
    return (await ownCodeDevices(input.iam, input.caller.userName)).length > 0;
  } catch (err) {
    if (isAwsCode(err, 'AccessDenied')) return true;
    throw err;
  }
}

type Decision = EvaluationResult['EvalDecision'];

// SimulatePrincipalPolicy's ResourceArns per call: AWS pages the results, a batch keeps each answer small.
const SIMULATION_BATCH = 100;

/** A refusal becomes a note in `unavailable`; anything else is a real failure. */
async function orRefused<T>(section: string, load: () => Promise<T>, unavailable: Unavailable[]): Promise<T | undefined> {
  try {
    return await load();
  } catch (err) {
    // InvalidInput, NoSuchEntity: the simulator does not know the caller (a role session whose role has a path).
    if (!isAwsError(err) || !isAwsCode(err, 'AccessDenied', 'InvalidInput', 'NoSuchEntity')) throw err;
    unavailable.push({ section, code: awsErrorCode(err), message: trimEnd(err.message) });
    return undefined;
  }
}

/** The simulator takes users, groups and roles: a role session is simulated as its role. */
export function policySourceOf(caller: Identity): string {
  const arn = parseArn(caller.arn);
  if (caller.type !== 'assumed-role' || !arn) return caller.arn;
  return buildArn({ partition: arn.partition, accountId: caller.accountId, resourceType: 'role', name: arn.name });
}

/** sts:AssumeRole on each role as the caller's own policies decide it, by role ARN. */
async function identityDecisions(input: AssumableRolesInput, roleArns: string[], mfa: boolean): Promise<Map<string, Decision>> {
  const decisions = new Map<string, Decision>();
  for (let i = 0; i < roleArns.length; i += SIMULATION_BATCH) {
    let marker: string | undefined;
    do {
      const out = await input.iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: policySourceOf(input.caller),
          ActionNames: ['sts:AssumeRole'],
          ResourceArns: roleArns.slice(i, i + SIMULATION_BATCH),
          ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: [String(mfa)] }],
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      for (const result of out.EvaluationResults ?? []) {
        for (const resource of result.ResourceSpecificResults ?? []) decisions.set(resource.EvalResourceName ?? '', resource.EvalResourceDecision);
        if (!result.ResourceSpecificResults?.length && result.EvalResourceName) decisions.set(result.EvalResourceName, result.EvalDecision);
      }
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  }
  return decisions;
}

function evaluated(role: Role, input: AssumableRolesInput, decision: Decision, mfa: boolean): AssumableRole | undefined {
  if (decision === 'explicitDeny') return undefined;
  const arn = role.Arn ?? '';
  const attempt = { caller: input.caller, roleArn: arn, sessionName: roleSessionName(input.caller), mfa: input.mfaAuthenticated };
  const verdict = trustRequirements(decodePolicy(role.AssumeRolePolicyDocument), attempt, {
    // Without an identity allow, only a trust policy naming the caller itself lets it in.
    identityAllows: decision === 'allowed',
    mfaPossible: mfa,
  });
  if (!verdict.possible) return undefined;
  return {
    roleArn: arn,
    accountId: input.caller.accountId,
    roleName: roleNameWithPath(role.Path ?? '/', role.RoleName ?? ''),
    ...(role.Description ? { description: role.Description } : {}),
    ...(role.MaxSessionDuration ? { maxSessionDuration: role.MaxSessionDuration } : {}),
    requires: verdict.requires,
    basis: 'evaluated',
  };
}

const fromRecent = (entry: RecentRoleEntry): AssumableRole => ({
  roleArn: entry.roleArn,
  accountId: entry.accountId,
  roleName: entry.roleName,
  requires: [],
  basis: 'recent',
});

export async function assumableRoles(input: AssumableRolesInput): Promise<AssumableRoles> {
  // The root user cannot switch roles at all.
  if (input.caller.type === 'root') return { items: [], complete: true, unavailable: [] };
  const unavailable: Unavailable[] = [];
  const partial = () => ({ items: input.recent.map(fromRecent), complete: false, unavailable });
  const roles = await orRefused('roles', () => collect(paginateListRoles(pager(input.iam), {}), (p) => p.Roles), unavailable);
  if (!roles) return partial();
  // Judged as if MFA were present when the caller can have it: a switch may send a code.
  const mfa = await mfaPossible(input);
  const decisions = await orRefused('ownPolicies', () => identityDecisions(input, roles.map((r) => r.Arn ?? ''), mfa), unavailable);
  if (!decisions) return partial();
  const items = roles.flatMap((role) => evaluated(role, input, decisions.get(role.Arn ?? '') ?? 'implicitDeny', mfa) ?? []);
  // Roles of other accounts cannot be read from here: those switched to before are all the console knows of them.
  const otherAccounts = input.recent.filter((r) => r.accountId !== input.caller.accountId).map(fromRecent);
  return { items: [...items, ...otherAccounts], complete: true, unavailable };
}
