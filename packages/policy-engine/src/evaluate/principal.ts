// Principal / NotPrincipal of resource-based and trust policies. What a match grants depends on what was named
// (UG "Determining whether a request is allowed or denied within an account"): naming the caller itself (user,
// role session, federated user, service, or `*`) grants directly; naming the role of a session is limited by the
// session's boundary and session policy; naming the account delegates to the account's identity-based policies.
import type { RequestContext } from './context.ts';

export type PrincipalMatch = 'direct' | 'role' | 'account';

export interface CompiledPrincipal {
  any: boolean;
  accounts: ReadonlySet<string>;
  /** Caller ARNs named exactly (users, sessions, federated users, IdP ARNs). */
  arns: ReadonlySet<string>;
  /** Role ARNs with their path removed, so session ARNs (which carry no path) can be compared. */
  roles: ReadonlySet<string>;
  /** Service principals and federated providers, lower-cased. */
  names: ReadonlySet<string>;
}

export type PrincipalCompileResult = { ok: true; principal: CompiledPrincipal; notes: string[] } | { ok: false; problem: string };

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
const ROLE_ARN = /^(arn:[^:]+:iam::[^:]*:role\/)(?:.*\/)?([^/]+)$/;

/** `arn:aws:iam::1:role/path/Name` → `arn:aws:iam::1:role/Name`; other ARNs unchanged. */
export function roleWithoutPath(arn: string): string {
  const m = ROLE_ARN.exec(arn);
  return m ? m[1]! + m[2]! : arn;
}

function listOf(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.every((v) => typeof v === 'string') ? (list as string[]) : undefined;
}

export function compilePrincipal(element: unknown): PrincipalCompileResult {
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const roles = new Set<string>();
  const names = new Set<string>();
  const notes: string[] = [];
  let any = false;
  if (element === '*') any = true;
  else if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return { ok: false, problem: 'Principal must be "*" or an object such as {"AWS": …}.' };
  } else {
    for (const [kind, value] of Object.entries(element)) {
      const entries = listOf(value);
      if (!entries) return { ok: false, problem: `Principal "${kind}" must be a string or a list of strings.` };
      for (const raw of entries) {
        const entry = raw.trim();
        if (entry !== raw) notes.push(`Principal "${raw}" has surrounding spaces; they were ignored.`);
        if (kind === 'AWS') {
          const root = ROOT_ARN.exec(entry);
          if (entry === '*') any = true;
          else if (ACCOUNT_ID.test(entry)) accounts.add(entry);
          else if (root) accounts.add(root[1]!);
          else if (entry.startsWith('arn:')) {
            arns.add(entry);
            if (ROLE_ARN.test(entry)) roles.add(roleWithoutPath(entry));
          } else notes.push(`Principal "${entry}" is neither an account id nor an ARN; it matches nobody.`);
        } else if (kind === 'Service' || kind === 'Federated' || kind === 'CanonicalUser') {
          if (entry === '*') any = true;
          else names.add(entry.toLowerCase());
        } else return { ok: false, problem: `Unknown principal type "${kind}".` };
      }
    }
  }
  return { ok: true, principal: { any, accounts, arns, roles, names }, notes };
}

/** How the named principals cover the caller, or undefined when they do not. */
export function matchPrincipal(principal: CompiledPrincipal, context: RequestContext): PrincipalMatch | undefined {
  if (principal.any) return 'direct';
  const caller = context.principal;
  if (principal.arns.has(caller.arn) || principal.names.has(caller.arn.toLowerCase())) return 'direct';
  const roleArn = context.principalInfo.roleArn;
  if (roleArn !== undefined && principal.roles.has(roleWithoutPath(roleArn))) return 'role';
  if (principal.accounts.has(caller.accountId)) return 'account';
  return undefined;
}

/**
 * Whether NotPrincipal leaves the caller out. The guide: with Deny, "you must also specify the account ARN of
 * the not-denied principal", as AWS may check the account, then the role, then the session; so a Deny spares
 * the caller only when every identity in its chain is listed (account; user, or role and session). An Allow
 * with NotPrincipal grants to "all principals except the one named": naming any identity of the caller is
 * enough to leave it out. Both readings err on the side of less access.
 */
export function excludedByNotPrincipal(principal: CompiledPrincipal, context: RequestContext, effect: 'Allow' | 'Deny'): boolean {
  if (principal.any) return true;
  const caller = context.principal;
  if (principal.names.has(caller.arn.toLowerCase())) return true;
  const accountListed = principal.accounts.has(caller.accountId);
  const roleArn = context.principalInfo.roleArn;
  const callerListed = principal.arns.has(caller.arn);
  const roleListed = roleArn !== undefined && principal.roles.has(roleWithoutPath(roleArn));
  if (effect === 'Allow') return accountListed || callerListed || roleListed;
  switch (context.principalInfo.kind) {
    case 'root':
      return accountListed;
    case 'assumedRole':
      return accountListed && roleListed && callerListed;
    case 'role':
      return accountListed && roleListed;
    default:
      return accountListed && callerListed;
  }
}
