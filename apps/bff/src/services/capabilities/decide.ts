// Which of the console's changes IAM would let the signed-in principal make (GET /api/session/capabilities), so the
// pages show only controls that can work. Each action is decided on resource `*` by IAM's policy simulator
// (SimulatePrincipalPolicy on the caller's own ARN, a role session as its role) when IAM lets the caller simulate,
// else by the policy engine over the caller's own policies. Allowed on `*` is "allowed". A refusal on `*` is
// "denied" only when the caller's own policies show that no resource could be allowed (reach.ts): a permission
// scoped to some resources keeps its control ("unknown"), and so does any refusal when the policies cannot be read.
// Hiding a control that would work is worse than showing one IAM refuses: IAM still decides each call.
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { ContextEntry, IAMClient } from '@aws-sdk/client-iam';
import { CONSOLE_ACTIONS } from '@iam-console/api-contract/capabilities.ts';
import type { Capabilities, Capability, ConsoleAction } from '@iam-console/api-contract/capabilities.ts';
import { evaluate } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { ContextValue, DecisionKind } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { Identity } from '../../session/session-data.ts';
import { isAwsCode } from '../shape.ts';
import { policySourceOf } from '../switch-role/assumable.ts';
import { ownPolicies } from './own-policies.ts';
import type { OwnPolicies } from './own-policies.ts';
import { reachOf } from './reach.ts';

export interface CapabilityInput {
  caller: Identity;
  iam: IAMClient;
  /** The session carries MFA: policies that require it apply. */
  mfaAuthenticated: boolean;
}

type Actions = Capabilities['actions'];
type Decisions = Record<ConsoleAction, DecisionKind>;

const every = (capability: Capability): Actions => Object.fromEntries(CONSOLE_ACTIONS.map((a) => [a, capability])) as Actions;

const byLowerCase = new Map<string, ConsoleAction>(CONSOLE_ACTIONS.map((a) => [a.toLowerCase(), a]));

// IAM will not say: no permission to simulate or read, or the simulator does not know the caller (a role session
// whose role has a path, which the session ARN leaves out).
const NOT_ANSWERED = ['AccessDenied', 'InvalidInput', 'NoSuchEntity'];

const DECISIONS: ReadonlySet<string> = new Set<DecisionKind>(['allowed', 'explicitDeny', 'implicitDeny']);

async function simulated(input: CapabilityInput): Promise<Decisions> {
  const decisions = Object.fromEntries(CONSOLE_ACTIONS.map((a) => [a, 'implicitDeny'])) as Decisions;
  // A long-term key carries no aws:MultiFactorAuthPresent at all; an MFA session carries true.
  const context: ContextEntry[] = input.mfaAuthenticated ? [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] }] : [];
  let marker: string | undefined;
  do {
    const out = await input.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: policySourceOf(input.caller),
        ActionNames: [...CONSOLE_ACTIONS],
        ...(context.length ? { ContextEntries: context } : {}),
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    for (const result of out.EvaluationResults ?? []) {
      const action = byLowerCase.get((result.EvalActionName ?? '').toLowerCase());
      const decision = result.EvalDecision ?? '';
      if (action) decisions[action] = DECISIONS.has(decision) ? (decision as DecisionKind) : 'implicitDeny';
    }
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return decisions;
}

const sessionContext = (mfa: boolean): Record<string, ContextValue> => (mfa ? { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0 } : {});

function evaluated(own: OwnPolicies, mfa: boolean): Decisions {
  const context = sessionContext(mfa);
  return Object.fromEntries(CONSOLE_ACTIONS.map((action) => [action, evaluate({ principal: own.principal, action, resource: '*', context }, own.policies).decision])) as Decisions;
}

/** The decisions on `*` as capabilities, widened by what the caller's own policies (when read) could allow. */
function judged(decisions: Decisions, own: OwnPolicies | undefined, mfa: boolean): Actions {
  const actions = every('unknown');
  for (const action of CONSOLE_ACTIONS) {
    if (decisions[action] === 'allowed') actions[action] = 'allowed';
    else if (own) {
      const reach = reachOf(own, action, sessionContext(mfa));
      actions[action] = reach.refusedEverywhere || !reach.allowedSomewhere ? 'denied' : 'unknown';
    }
  }
  return actions;
}

/** IAM's refusal to answer is undefined; any other failure is a real one. */
async function unlessRefused<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (err) {
    if (isAwsCode(err, ...NOT_ANSWERED)) return undefined;
    throw err;
  }
}

export async function principalCapabilities(input: CapabilityInput): Promise<Capabilities> {
  // The root user may make every one of these changes; the simulator does not take it.
  if (input.caller.type === 'root') return { basis: 'root', actions: every('allowed') };
  const fromSimulator = await unlessRefused(() => simulated(input));
  const allAllowed = fromSimulator && Object.values(fromSimulator).every((d) => d === 'allowed');
  const own = allAllowed ? undefined : await unlessRefused(() => ownPolicies(input.iam, input.caller));
  if (fromSimulator) return { basis: 'simulator', actions: judged(fromSimulator, own, input.mfaAuthenticated) };
  if (own) return { basis: 'policies', actions: judged(evaluated(own, input.mfaAuthenticated), own, input.mfaAuthenticated) };
  return { basis: 'unknown', actions: every('unknown') };
}

/** An answer is kept this long per session; switching role or going back drops it. */
export const CAPABILITIES_RECHECK_MS = 5 * 60_000;

export interface CapabilitiesMemo {
  capabilities?: { arn: string; checkedAt: number; answer: Capabilities };
}

export async function sessionCapabilities(memo: CapabilitiesMemo, input: CapabilityInput, now: number): Promise<Capabilities> {
  const kept = memo.capabilities;
  if (kept && kept.arn === input.caller.arn && now - kept.checkedAt >= 0 && now - kept.checkedAt < CAPABILITIES_RECHECK_MS) return kept.answer;
  const answer = await principalCapabilities(input);
  memo.capabilities = { arn: input.caller.arn, checkedAt: now, answer };
  return answer;
}
