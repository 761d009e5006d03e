// Inline policies embedded in a user, group or role. The quota is per principal, all inline policies together,
// counted without whitespace.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import type { PrincipalType } from './names.ts';
import { decodeMarker, toPage, type Page, type PageRequest } from './keyset-page.ts';
import { assertPolicyDocument, policySize } from './policy-document.ts';
import { bumpPolicyState } from './policy-state.ts';

export const INLINE_QUOTA: Readonly<Record<PrincipalType, number>> = { user: 2048, group: 5120, role: 10240 };

/** The principal an inline policy belongs to (already resolved by name). */
export interface PolicyOwner {
  type: PrincipalType;
  id: string;
  name: string;
}

export interface InlinePolicy {
  name: string;
  document: string;
}

function noSuchPolicy(owner: PolicyOwner, policyName: string): IamError {
  return new IamError('NoSuchEntity', `The ${owner.type} policy with name ${policyName} cannot be found.`);
}

/** Creates or replaces an inline policy. */
export function putInlinePolicy(db: Db, owner: PolicyOwner, policyName: string, document: string): void {
  assertPolicyDocument(document, 'inline');
  db.transaction(() => {
    const others = prepared(db, 'SELECT document FROM iam_inline_policies WHERE principal_type = ? AND principal_id = ? AND name <> ?')
      .pluck()
      .all(owner.type, owner.id, policyName) as string[];
    const total = others.reduce((sum, other) => sum + policySize(other), policySize(document));
    const quota = INLINE_QUOTA[owner.type];
    if (total > quota) {
      throw new IamError('LimitExceeded', `Maximum policy size of ${quota} bytes exceeded for ${owner.type} ${owner.name}`);
    }
    prepared(db, 
      `INSERT INTO iam_inline_policies (principal_type, principal_id, name, document) VALUES (?, ?, ?, ?)
       ON CONFLICT (principal_type, principal_id, name) DO UPDATE SET document = excluded.document`,
    ).run(owner.type, owner.id, policyName, document);
    bumpPolicyState(db);
  })();
}

export function getInlinePolicy(db: Db, owner: PolicyOwner, policyName: string): InlinePolicy {
  const document = prepared(db, 'SELECT document FROM iam_inline_policies WHERE principal_type = ? AND principal_id = ? AND name = ?')
    .pluck()
    .get(owner.type, owner.id, policyName) as string | undefined;
  if (document === undefined) throw noSuchPolicy(owner, policyName);
  return { name: policyName, document };
}

export function deleteInlinePolicy(db: Db, owner: PolicyOwner, policyName: string): void {
  db.transaction(() => {
    const result = prepared(db, 'DELETE FROM iam_inline_policies WHERE principal_type = ? AND principal_id = ? AND name = ?')
      .run(owner.type, owner.id, policyName);
    if (result.changes === 0) throw noSuchPolicy(owner, policyName);
    bumpPolicyState(db);
  })();
}

/** Policy names, ordered, paginated. */
export function listInlinePolicyNames(db: Db, owner: Pick<PolicyOwner, 'type' | 'id'>, request: PageRequest): Page<string> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const names = prepared(db, 'SELECT name FROM iam_inline_policies WHERE principal_type = ? AND principal_id = ? AND name > ? ORDER BY name LIMIT ?')
    .pluck()
    .all(owner.type, owner.id, after, request.maxItems + 1) as string[];
  return toPage(names, request.maxItems, (name) => name);
}

/** Every inline policy of a principal (authorization, GetAccountAuthorizationDetails). */
export function inlinePoliciesOf(db: Db, owner: Pick<PolicyOwner, 'type' | 'id'>): InlinePolicy[] {
  return prepared(db, 'SELECT name, document FROM iam_inline_policies WHERE principal_type = ? AND principal_id = ? ORDER BY name')
    .all(owner.type, owner.id) as InlinePolicy[];
}
