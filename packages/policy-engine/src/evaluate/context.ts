// The request context: every condition key of one request, by lower-cased name (IAM key names are
// case-insensitive), each with its values as strings. Keys derived from the principal come first so that
// values the caller passes explicitly win.
import type { AuthorizationRequest, ContextValue, RequestPrincipal } from './types.ts';

export type PrincipalKind = 'root' | 'user' | 'role' | 'assumedRole' | 'federatedUser' | 'service' | 'anonymous' | 'other';

export interface PrincipalInfo {
  kind: PrincipalKind;
  /** Role ARN for a role session (given, or rebuilt without path from the session ARN). */
  roleArn?: string;
  userName?: string;
}

const ARN_SHAPE = /^arn:([^:]*):(iam|sts)::([^:]*):(.*)$/;

/** Classifies a caller ARN: root, IAM user, role session, federated user, service or anonymous. */
export function describePrincipal(principal: RequestPrincipal): PrincipalInfo {
  const arn = principal.arn;
  if (arn === '*' || arn === 'anonymous') return { kind: 'anonymous' };
  const m = ARN_SHAPE.exec(arn);
  if (!m) return { kind: /\.amazonaws\.com(\.cn)?$/.test(arn) ? 'service' : 'other' };
  const [, partition, service, account, rest] = m as unknown as [string, string, string, string, string];
  if (service === 'iam' && rest === 'root') return { kind: 'root' };
  if (service === 'iam' && rest.startsWith('user/')) {
    return { kind: 'user', userName: principal.userName ?? rest.slice(rest.lastIndexOf('/') + 1) };
  }
  if (service === 'iam' && rest.startsWith('role/')) return { kind: 'role', roleArn: arn };
  if (service === 'sts' && rest.startsWith('assumed-role/')) {
    const roleName = rest.split('/')[1] ?? '';
    return { kind: 'assumedRole', roleArn: principal.roleArn ?? `arn:${partition}:iam::${account}:role/${roleName}` };
  }
  if (service === 'sts' && rest.startsWith('federated-user/')) return { kind: 'federatedUser' };
  return { kind: 'other' };
}

const PRINCIPAL_TYPE: Record<PrincipalKind, string | undefined> = {
  root: 'Account',
  user: 'User',
  role: 'AssumedRole',
  assumedRole: 'AssumedRole',
  federatedUser: 'FederatedUser',
  service: undefined,
  anonymous: 'Anonymous',
  other: undefined,
};

function toStrings(value: ContextValue): readonly string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.map((v) => String(v));
  return [];
}

export class RequestContext {
  readonly principal: RequestPrincipal;
  readonly principalInfo: PrincipalInfo;
  readonly action: string;
  /** The action lower-cased once, for case-insensitive matching. */
  readonly actionLower: string;
  readonly resource: string;
  readonly resourceAccountId: string;
  private readonly values = new Map<string, readonly string[]>();

  constructor(request: AuthorizationRequest) {
    this.principal = request.principal;
    this.principalInfo = describePrincipal(request.principal);
    this.action = request.action;
    this.actionLower = request.action.toLowerCase();
    this.resource = request.resource;
    this.resourceAccountId = request.resourceAccountId ?? request.principal.accountId;
    this.addPrincipalKeys();
    const context = request.context;
    if (context) {
      for (const key in context) {
        const value = context[key];
        if (value !== undefined && value !== null) this.values.set(key.toLowerCase(), toStrings(value));
      }
    }
  }

  private addPrincipalKeys(): void {
    const { principal, principalInfo: info } = this;
    const set = (key: string, value: string | undefined) => {
      if (value !== undefined) this.values.set(key, [value]);
    };
    set('aws:principalarn', info.kind === 'assumedRole' ? info.roleArn : principal.arn);
    set('aws:principalaccount', principal.accountId);
    set('aws:principaltype', PRINCIPAL_TYPE[info.kind]);
    set('aws:username', info.userName);
    set('aws:userid', principal.userId ?? (info.kind === 'root' ? principal.accountId : undefined));
    if (principal.tags) {
      for (const [k, v] of Object.entries(principal.tags)) set(`aws:principaltag/${k.toLowerCase()}`, v);
    }
  }

  /**
   * All values of a key (lower-cased name), or undefined when the request does not have it. The clock keys
   * are always present in AWS: when the caller did not pass them they are the current time, read lazily.
   */
  get(keyLower: string): readonly string[] | undefined {
    const v = this.values.get(keyLower);
    if (v !== undefined) return v;
    if (keyLower === 'aws:currenttime') return [new Date().toISOString()];
    if (keyLower === 'aws:epochtime') return [String(Math.floor(Date.now() / 1000))];
    return undefined;
  }

  /** The value of a single-valued key, for policy variables; undefined when absent or multivalued. */
  single(keyLower: string): string | undefined {
    const v = this.get(keyLower);
    return v && v.length === 1 ? v[0] : undefined;
  }
}
