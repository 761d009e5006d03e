// Managed policies attached to users, groups and roles (at most 10 per principal). Attachments reference the
// policy ARN so AWS managed policies (not stored in SQLite) attach the same way as customer managed ones.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import type { PrincipalType } from './names.ts';
import { requireAttachablePolicy } from './managed-policies.ts';
import { bumpPolicyState } from './policy-state.ts';

export const MAX_ATTACHED_POLICIES = 10;

const QUOTA_NAME: Readonly<Record<PrincipalType, string>> = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' };

// A type alias (not an interface) so it fits the XML result tree's index signature.
export type AttachedPolicy = { PolicyName: string; PolicyArn: string };

export interface Attachable {
  type: PrincipalType;
  id: string;
}

/** Attaches a managed policy; attaching it again changes nothing, as in AWS. */
export function attachPolicy(db: Db, principal: Attachable, policyArn: string): void {
  db.transaction(() => {
    requireAttachablePolicy(db, policyArn);
    const existing = prepared(db, 'SELECT policy_arn FROM iam_attachments WHERE principal_type = ? AND principal_id = ?')
      .pluck()
      .all(principal.type, principal.id) as string[];
    if (existing.includes(policyArn)) return;
    if (existing.length >= MAX_ATTACHED_POLICIES) {
      throw new IamError('LimitExceeded', `Cannot exceed quota for ${QUOTA_NAME[principal.type]}: ${MAX_ATTACHED_POLICIES}`);
    }
    const seq = prepared(db, 'SELECT coalesce(max(attached_seq), 0) + 1 FROM iam_attachments').pluck().get() as number;
    prepared(db, 'INSERT INTO iam_attachments (principal_type, principal_id, policy_arn, attached_seq) VALUES (?, ?, ?, ?)').run(
      principal.type,
      principal.id,
      policyArn,
      seq,
    );
    bumpPolicyState(db);
  })();
}

export function detachPolicy(db: Db, principal: Attachable, policyArn: string): void {
  db.transaction(() => {
    const result = prepared(db, 'DELETE FROM iam_attachments WHERE principal_type = ? AND principal_id = ? AND policy_arn = ?')
      .run(principal.type, principal.id, policyArn);
    if (result.changes === 0) throw new IamError('NoSuchEntity', `Policy ${policyArn} was not found.`);
    bumpPolicyState(db);
  })();
}

/** Policy name from its ARN (the part after the last slash). */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** ARNs of the policies attached to a principal, in attachment order. */
export function attachedPolicyArns(db: Db, principal: Attachable): string[] {
  return prepared(db, 'SELECT policy_arn FROM iam_attachments WHERE principal_type = ? AND principal_id = ? ORDER BY attached_seq')
    .pluck()
    .all(principal.type, principal.id) as string[];
}

/** ListAttached*Policies (at most 10, so paginated in memory by the caller): PathPrefix filters on the policy path; by name. */
export function attachedPolicies(db: Db, principal: Attachable, pathPrefix = '/'): AttachedPolicy[] {
  return attachedPolicyArns(db, principal)
    .filter((arn) => policyPathOf(arn).startsWith(pathPrefix))
    .map((arn) => ({ PolicyName: policyNameOf(arn), PolicyArn: arn }))
    .sort((a, b) => (a.PolicyName < b.PolicyName ? -1 : a.PolicyName > b.PolicyName ? 1 : a.PolicyArn < b.PolicyArn ? -1 : 1));
}

/** `/path/` of a managed policy ARN `arn:aws:iam::<acct>:policy/path/Name`. */
export function policyPathOf(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1);
}
