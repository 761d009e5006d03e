// Action and NotAction entries: their shape ("service:action"), and with a catalog, whether the service and
// action exist (a wildcard must match at least one action). Role trust policies allow only sts: actions, and
// the action must suit the kind of principal.
import type { CheckContext } from './context.ts';
import { hasWildcard, patternMatches } from './action-match.ts';
import type { PolicyModel, StatementModel, StringEntry } from './model.ts';
import { looksLikePlaceholder } from './placeholder.ts';
import { closestName, didYouMean } from './suggest.ts';

/** What the catalog can look up; anything else IAM accepts is stored as written and matches nothing. */
const ACTION_SHAPE = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?-]+$/;
/** IAM refuses a vendor with other characters (wildcards included), except "*" itself. */
const VENDOR = /^[A-Za-z0-9.-]*$/;
const TRUST_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];
const FEDERATION_ACTIONS = ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

function checkAgainstCatalog(ctx: CheckContext, entry: StringEntry): void {
  const catalog = ctx.catalog;
  if (!catalog) return;
  const [service, action] = entry.value.split(':') as [string, string];
  if (!hasWildcard(service) && !catalog.service(service)) {
    if (looksLikePlaceholder(service)) {
      ctx.report('PLACEHOLDER_VALUE', entry.node, `The service ${service} in ${entry.value} looks like a placeholder; replace it with a real service prefix such as iam or s3.`);
      return;
    }
    ctx.report('INVALID_SERVICE', entry.node, `The service ${service} in ${entry.value} does not exist.${didYouMean(service, catalog.services().map((s) => s.prefix))}`);
    return;
  }
  if (!hasWildcard(entry.value)) {
    if (catalog.action(entry.value)) return;
    const suggestion = closestName(action, catalog.actions(service).map((a) => a.action));
    ctx.report('UNKNOWN_ACTION', entry.node, `The action ${entry.value} does not exist.${suggestion ? ` Did you mean ${catalog.service(service)?.prefix ?? service}:${suggestion}?` : ''}`);
    return;
  }
  if (catalog.expandActionPattern(entry.value).length === 0) {
    ctx.report('UNKNOWN_ACTION', entry.node, `The wildcard ${entry.value} matches no action.`);
  }
}

function checkTrustActions(ctx: CheckContext, statement: StatementModel): void {
  const action = statement.action;
  if (!action || action.name !== 'Action') return;
  for (const entry of action.entries) {
    if (hasWildcard(entry.value) ? TRUST_ACTIONS.some((a) => patternMatches(entry.value, a)) : TRUST_ACTIONS.some((a) => a.toLowerCase() === entry.value.toLowerCase())) continue;
    ctx.report('UNSUPPORTED_ACTION_IN_POLICY', entry.node, `A role trust policy can only allow role-assumption actions (${TRUST_ACTIONS.join(', ')}), not ${entry.value}.`);
  }
  const principals = statement.principal?.entries ?? [];
  const federated = principals.filter((p) => p.type === 'Federated');
  const others = principals.filter((p) => p.type === 'AWS' || p.type === 'Service');
  const literal = action.entries.filter((e) => !hasWildcard(e.value)).map((e) => e.value.toLowerCase());
  if (literal.length !== action.entries.length) return;
  const assumeRole = action.entries.find((e) => e.value.toLowerCase() === 'sts:assumerole');
  const federation = action.entries.find((e) => FEDERATION_ACTIONS.some((a) => a.toLowerCase() === e.value.toLowerCase()));
  if (federated.length > 0 && !federation && assumeRole) {
    ctx.report('MISMATCHED_ACTION_FOR_PRINCIPAL', assumeRole.node, `sts:AssumeRole is invalid with the federated principal(s) ${federated.map((p) => p.value).join(', ')}; use sts:AssumeRoleWithSAML for a SAML provider or sts:AssumeRoleWithWebIdentity for an OIDC provider.`);
  }
  if (others.length > 0 && federated.length === 0 && federation && !assumeRole) {
    ctx.report('MISMATCHED_ACTION_FOR_PRINCIPAL', federation.node, `${federation.value} is invalid with the principal(s) ${others.map((p) => p.value).join(', ')}; it needs a Federated SAML or OIDC provider principal.`);
  }
}

/** Why IAM refuses this action on save, if it does: it checks only the vendor prefix and the colons. */
function actionRefusal(action: string): string | undefined {
  const parts = action.split(':');
  if (parts.length === 1) return `The action ${action} has no service prefix.`;
  if (parts.length > 2) return `The action ${action} has more than one colon.`;
  const vendor = parts[0]!;
  if (vendor !== '*' && !VENDOR.test(vendor)) return `The service prefix ${vendor} of ${action} may contain only letters, digits, "-" and "."${/[*?]/.test(vendor) ? ', no wildcards' : ''}.`;
  return undefined;
}

export function checkActions(ctx: CheckContext, policy: PolicyModel): void {
  for (const statement of policy.statements) {
    for (const entry of statement.action?.entries ?? []) {
      if (ctx.full) return;
      if (entry.value === '*') continue;
      const refusal = actionRefusal(entry.value);
      if (refusal) {
        ctx.report('INVALID_ACTION', entry.node, `${refusal} Actions look like service:ActionName (for example iam:GetUser) or "*".`);
        continue;
      }
      if (!ACTION_SHAPE.test(entry.value)) continue;
      checkAgainstCatalog(ctx, entry);
    }
    if (ctx.kind === 'trust') checkTrustActions(ctx, statement);
  }
}
