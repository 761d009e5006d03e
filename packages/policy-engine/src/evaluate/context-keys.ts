// Which context keys policies read, and which of them a request lacks: what IAM's GetContextKeysFor*Policy
// and the MissingContextValues of SimulatePrincipalPolicy report, and what the simulator asks the user for.
import type { CompiledPolicy } from './compile.ts';
import { RequestContext } from './context.ts';
import type { AuthorizationRequest } from './types.ts';

/** Condition keys and policy-variable keys of the policies' well-formed statements, deduplicated case-insensitively. */
export function contextKeysOf(policies: readonly CompiledPolicy[]): string[] {
  const keys = new Map<string, string>();
  for (const policy of policies) {
    for (const statement of policy.statements) {
      for (const key of statement.contextKeys) if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
    }
  }
  return [...keys.values()];
}

/** The keys the policies read that the request does not carry (keys derived from the principal count as carried). */
export function missingContextKeys(request: AuthorizationRequest, policies: readonly CompiledPolicy[]): string[] {
  const context = new RequestContext(request);
  return contextKeysOf(policies).filter((key) => context.get(key.toLowerCase()) === undefined);
}
