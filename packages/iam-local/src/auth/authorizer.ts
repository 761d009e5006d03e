// Authorization of every call with the policy engine: the caller's identity policies (inline, attached, via
// groups), permissions boundary and session policy, compiled once and cached until any policy changes
// (policyStateVersion), evaluated for each target the operation names. Root may do everything in its account.
import { compilePolicy, evaluate, accessDeniedMessage } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { AuthorizationRequest, CompiledPolicy, ContextValue, Decision, RequestPrincipal } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { Db } from '../model/db.ts';
import { policiesForRole, policiesForUser, policyStateVersion, type PrincipalPolicies } from '../model/principal-policies.ts';
import { findRole } from '../model/roles.ts';
import { IamError } from '../errors.ts';
import type { Caller } from './caller.ts';

export type RequestContextKeys = Record<string, ContextValue | undefined>;

/** What an operation needs to be authorized: the IAM action and the resource ARN(s) it touches. */
export interface AuthorizationTarget {
  action: string; // e.g. "iam:CreateUser"
  resource: string; // ARN, or "*"
  /** Extra request context keys, e.g. iam:PolicyARN, iam:PermissionsBoundary, aws:RequestTag/…, aws:TagKeys. */
  context?: Record<string, string | string[]>;
}

/** What the caller's own policies amount to: compiled identity policies (+ boundary, + session policy) and tags. */
export interface CallerPolicies {
  policies: readonly CompiledPolicy[];
  tags: Readonly<Record<string, string>>;
}

interface CacheEntry {
  version: number;
  value: { policies: CompiledPolicy[]; tags: Record<string, string> };
}

/** Facts of the request that feed global condition keys. */
export interface RequestFacts {
  now: Date;
  sourceIp: string;
  region: string;
}

const EMPTY: CacheEntry['value'] = { policies: [], tags: {} };
const MAX_SESSION_POLICIES = 1000;
/** Compiled policies of this many principals are kept at most (a large account must not grow memory without end). */
const MAX_CACHED_PRINCIPALS = 5000;

function compileAll(source: PrincipalPolicies): CacheEntry['value'] {
  const policies = source.identityPolicies.map((p) => compilePolicy(p.document, { id: p.id, type: 'identity', name: p.name }));
  if (source.boundary) {
    const name = source.boundary.arn.slice(source.boundary.arn.lastIndexOf('/') + 1);
    policies.push(compilePolicy(source.boundary.document, { id: source.boundary.arn, type: 'permissionsBoundary', name }));
  }
  return { policies, tags: source.tags };
}

/** Global condition keys of a request made by `caller` (aws:CurrentTime, MFA facts, aws:SourceIp, …). */
export function globalContextKeys(caller: Caller, facts: RequestFacts): RequestContextKeys {
  const keys: RequestContextKeys = {
    'aws:CurrentTime': facts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(facts.now.getTime() / 1000)),
    'aws:SourceIp': facts.sourceIp,
    'aws:SecureTransport': 'false',
    'aws:RequestedRegion': facts.region,
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
  };
  // MFA keys exist only for temporary credentials; with long-term keys AWS leaves them out entirely.
  if (caller.temporary) {
    keys['aws:MultiFactorAuthPresent'] = caller.mfaAuthenticatedAt ? 'true' : 'false';
    if (caller.mfaAuthenticatedAt) {
      keys['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((facts.now.getTime() - caller.mfaAuthenticatedAt.getTime()) / 1000)));
    }
    if (caller.tokenIssuedAt) keys['aws:TokenIssueTime'] = caller.tokenIssuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (caller.sourceIdentity !== undefined) keys['aws:SourceIdentity'] = caller.sourceIdentity;
  return keys;
}

export class Authorizer {
  readonly db: Db;
  private readonly principals = new Map<string, CacheEntry>();
  private readonly sessionPolicies = new Map<string, CompiledPolicy>();

  constructor(db: Db) {
    this.db = db;
  }

  private cached(key: string, version: number, load: () => CacheEntry['value']): CacheEntry['value'] {
    const hit = this.principals.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = load();
    if (this.principals.size >= MAX_CACHED_PRINCIPALS) this.principals.clear();
    this.principals.set(key, { version, value });
    return value;
  }

  private sessionPolicy(caller: Caller): CompiledPolicy | undefined {
    if (caller.sessionPolicy === undefined) return undefined;
    let compiled = this.sessionPolicies.get(caller.accessKeyId);
    if (!compiled) {
      if (this.sessionPolicies.size >= MAX_SESSION_POLICIES) this.sessionPolicies.clear();
      compiled = compilePolicy(caller.sessionPolicy, { id: `session/${caller.accessKeyId}`, type: 'session', name: 'session policy' });
      this.sessionPolicies.set(caller.accessKeyId, compiled);
    }
    return compiled;
  }

  /** The caller's compiled policies and principal tags (root: none, it needs none). */
  callerPolicies(caller: Caller): CallerPolicies {
    if (caller.kind === 'root') return EMPTY;
    const version = policyStateVersion(this.db);
    if (caller.kind === 'user') {
      const userName = caller.userName ?? '';
      return this.cached(`user:${caller.userId}:${userName}`, version, () => {
        const source = policiesForUser(this.db, userName);
        return source ? compileAll(source) : EMPTY;
      });
    }
    const roleName = caller.roleName ?? '';
    const own = this.cached(`role:${caller.roleId ?? ''}`, version, () => {
      // A session of a deleted (even if since re-created) role keeps no permissions.
      if (findRole(this.db, roleName)?.id !== caller.roleId) return EMPTY;
      const source = policiesForRole(this.db, roleName);
      return source ? compileAll(source) : EMPTY;
    });
    const session = this.sessionPolicy(caller);
    const tags = caller.sessionTags ? { ...own.tags, ...caller.sessionTags } : own.tags;
    return { policies: session ? [...own.policies, session] : own.policies, tags };
  }

  /** The evaluator's view of the caller. */
  requestPrincipal(caller: Caller, tags: Readonly<Record<string, string>>): RequestPrincipal {
    const principal: RequestPrincipal = { arn: caller.arn, accountId: caller.accountId, userId: caller.userId, tags };
    if (caller.userName !== undefined) principal.userName = caller.userName;
    if (caller.roleArn !== undefined) principal.roleArn = caller.roleArn;
    return principal;
  }

  /**
   * Decides one target for the caller. `extraPolicies` joins the caller's own (a role's trust policy for AssumeRole,
   * a resource policy). Root is allowed without evaluation unless a resource-side policy takes part.
   */
  decide(caller: Caller, target: AuthorizationTarget, globalKeys: RequestContextKeys, extraPolicies: readonly CompiledPolicy[] = []): { request: AuthorizationRequest; decision: Decision } {
    const own = this.callerPolicies(caller);
    const request: AuthorizationRequest = {
      principal: this.requestPrincipal(caller, own.tags),
      action: target.action,
      resource: target.resource,
      context: target.context ? { ...globalKeys, ...target.context } : globalKeys,
    };
    if (caller.kind === 'root' && extraPolicies.length === 0) {
      return { request, decision: { decision: 'allowed', matchedStatements: [], explanation: 'The account root user has full access to its own account.', notes: [] } };
    }
    const policies = extraPolicies.length === 0 ? own.policies : [...own.policies, ...extraPolicies];
    return { request, decision: evaluate(request, policies) };
  }

  /** Throws AccessDenied (AWS's message) unless every target is allowed. */
  authorize(caller: Caller, targets: readonly AuthorizationTarget[], facts: RequestFacts): void {
    if (targets.length === 0 || caller.kind === 'root') return;
    const globalKeys = globalContextKeys(caller, facts);
    for (const target of targets) {
      const { request, decision } = this.decide(caller, target, globalKeys);
      if (decision.decision !== 'allowed') throw new IamError('AccessDenied', accessDeniedMessage(request, decision));
    }
  }
}
