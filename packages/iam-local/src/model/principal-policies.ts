// The policies that apply to a principal, for the authorizer (hot path: a handful of indexed queries).
// Cache what you compile from this against policyStateVersion(db): it changes whenever any input here does.
import type { Db } from './db.ts';
import { defaultPolicyDocument } from './managed-policies.ts';
import { inlinePoliciesOf } from './inline-policies.ts';
import { attachedPolicyArns, policyNameOf } from './attachments.ts';
import { tagMap } from './tags.ts';
import { findUser } from './users.ts';
import { findRole } from './roles.ts';
import { groupsOfUser } from './groups.ts';
import type { PrincipalType } from './names.ts';

export { policyStateVersion } from './policy-state.ts';

export interface IdentityPolicy {
  /** Managed: the policy ARN. Inline: `<type>/<principal name>/<policy name>`. */
  id: string;
  name: string;
  type: 'inline' | 'managed';
  /** JSON text of the (default version of the) document. */
  document: string;
}

export interface PrincipalPolicies {
  identityPolicies: IdentityPolicy[];
  boundary?: { arn: string; document: string };
  tags: Record<string, string>;
}

function policiesOf(db: Db, type: PrincipalType, id: string, name: string): IdentityPolicy[] {
  const inline: IdentityPolicy[] = inlinePoliciesOf(db, { type, id }).map((policy) => ({
    id: `${type}/${name}/${policy.name}`,
    name: policy.name,
    type: 'inline',
    document: policy.document,
  }));
  const managed: IdentityPolicy[] = [];
  for (const arn of attachedPolicyArns(db, { type, id })) {
    const document = defaultPolicyDocument(db, arn);
    if (document !== undefined) managed.push({ id: arn, name: policyNameOf(arn), type: 'managed', document });
  }
  return [...inline, ...managed];
}

function boundaryOf(db: Db, arn: string | null): PrincipalPolicies['boundary'] {
  if (!arn) return undefined;
  const document = defaultPolicyDocument(db, arn);
  return document === undefined ? undefined : { arn, document };
}

/** A user's own inline and attached policies plus those of each of its groups; undefined if no such user. */
export function policiesForUser(db: Db, userName: string): PrincipalPolicies | undefined {
  const user = findUser(db, userName);
  if (!user) return undefined;
  const identityPolicies = policiesOf(db, 'user', user.id, user.name);
  for (const group of groupsOfUser(db, user.id)) identityPolicies.push(...policiesOf(db, 'group', group.id, group.name));
  const boundary = boundaryOf(db, user.boundaryArn);
  return { identityPolicies, ...(boundary ? { boundary } : {}), tags: tagMap(db, 'user', user.id) };
}

/** A role's inline and attached policies, boundary and tags; undefined if no such role. */
export function policiesForRole(db: Db, roleName: string): PrincipalPolicies | undefined {
  const role = findRole(db, roleName);
  if (!role) return undefined;
  const boundary = boundaryOf(db, role.boundaryArn);
  return { identityPolicies: policiesOf(db, 'role', role.id, role.name), ...(boundary ? { boundary } : {}), tags: tagMap(db, 'role', role.id) };
}
