// IAM roles: trust policy, session duration, description, boundary, last use.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { entityArn, isoSeconds, newUniqueId } from './names.ts';
import { decodeMarker, toPage, type Page, type PageRequest } from './keyset-page.ts';
import { assertPolicyDocument, policySize } from './policy-document.ts';
import { bumpPolicyState } from './policy-state.ts';
import { dropTags, putTags, type Tag } from './tags.ts';
import { assertBelowQuota } from './account-quotas.ts';
import { assertTrustedPrincipalsExist, forgetTrustedPrincipal } from './trust-principals.ts';

export const MAX_TRUST_POLICY_SIZE = 2048;

export interface Role {
  id: string;
  name: string;
  path: string;
  createDate: string;
  assumeRolePolicy: string;
  description: string | null;
  maxSessionDuration: number;
  boundaryArn: string | null;
  lastUsedDate: string | null;
  lastUsedRegion: string | null;
  /** The service principal of a service-linked role; null for every other role. */
  serviceLinkedService: string | null;
}

/** SELECT list giving the role type's fields. */
export const ROLE_COLUMNS = `id, name, path, create_date AS createDate, assume_role_policy AS assumeRolePolicy, description,
  max_session_duration AS maxSessionDuration, boundary_arn AS boundaryArn, last_used_date AS lastUsedDate,
  last_used_region AS lastUsedRegion, service_linked_service AS serviceLinkedService`;

export function roleArn(accountId: string, role: Pick<Role, 'path' | 'name'>): string {
  return entityArn(accountId, 'role', role.path, role.name);
}

export function findRole(db: Db, name: string): Role | undefined {
  return prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles WHERE name = ?`).get(name) as Role | undefined;
}

export function requireRole(db: Db, name: string): Role {
  const role = findRole(db, name);
  if (!role) throw new IamError('NoSuchEntity', `The role with name ${name} cannot be found.`);
  return role;
}

/**
 * Refuses a change to a service-linked role: only its service may change it (IAM User Guide, "Using service-linked
 * roles"). The wording is AWS's, as reported for PutRolePolicy and UpdateAssumeRolePolicy on such roles.
 */
export function assertModifiableRole(role: Role): void {
  if (role.serviceLinkedService !== null) {
    throw new IamError('UnmodifiableEntity', `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`);
  }
}

/** requireRole for a call that changes the role's policies, trust policy or boundary, or deletes it. */
export function requireModifiableRole(db: Db, name: string): Role {
  const role = requireRole(db, name);
  assertModifiableRole(role);
  return role;
}

export function byId(db: Db, id: string): Role {
  return prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles WHERE id = ?`).get(id) as Role;
}

/**
 * Trust policies: the grammar of a resource policy with a Principal, then the users and roles it names must exist,
 * then the 2,048-character quota.
 */
export function assertTrustPolicy(db: Db, document: string): void {
  assertPolicyDocument(document, 'trust');
  assertTrustedPrincipalsExist(db, document);
  if (policySize(document) > MAX_TRUST_POLICY_SIZE) {
    throw new IamError('LimitExceeded', `Cannot exceed quota for ACLSizePerRole: ${MAX_TRUST_POLICY_SIZE}`);
  }
}

export function assertMaxSessionDuration(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200) {
    throw new IamError(
      'ValidationError',
      `1 validation error detected: Value '${seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value ${seconds < 3600 ? 'greater than or equal to 3600' : 'less than or equal to 43200'}`,
    );
  }
}

export interface NewRole {
  name: string;
  path: string;
  assumeRolePolicy: string;
  description?: string | undefined;
  maxSessionDuration?: number | undefined;
  boundaryArn?: string | undefined;
  tags?: readonly Tag[];
}

export function createRole(db: Db, input: NewRole, now: Date): Role {
  assertTrustPolicy(db, input.assumeRolePolicy);
  if (input.maxSessionDuration !== undefined) assertMaxSessionDuration(input.maxSessionDuration);
  const id = newUniqueId('role');
  db.transaction(() => {
    const clash = prepared(db, 'SELECT 1 FROM iam_roles WHERE name = ?').get(input.name);
    if (clash) throw new IamError('EntityAlreadyExists', `Role with name ${input.name} already exists.`);
    assertBelowQuota(db, 'RolesQuota');
    prepared(db, 
      `INSERT INTO iam_roles (id, name, path, create_date, assume_role_policy, description, max_session_duration, boundary_arn)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.name,
      input.path,
      isoSeconds(now),
      input.assumeRolePolicy,
      input.description ?? null,
      input.maxSessionDuration ?? 3600,
      input.boundaryArn ?? null,
    );
    putTags(db, 'role', id, input.tags ?? []);
  })();
  return byId(db, id);
}

export function listRoles(db: Db, request: PageRequest & { pathPrefix?: string | undefined }): Page<Role> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const rows = prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles WHERE name > @after AND substr(path, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit`)
    .all({ after, prefix: request.pathPrefix ?? '/', limit: request.maxItems + 1 }) as Role[];
  return toPage(rows, request.maxItems, (role) => role.name);
}

/** UpdateRole / UpdateRoleDescription: only the fields given change. */
export function updateRole(db: Db, name: string, update: { description?: string | undefined; maxSessionDuration?: number | undefined }): Role {
  if (update.maxSessionDuration !== undefined) assertMaxSessionDuration(update.maxSessionDuration);
  return db.transaction(() => {
    const role = requireRole(db, name);
    prepared(db, 'UPDATE iam_roles SET description = ?, max_session_duration = ? WHERE id = ?').run(
      update.description ?? role.description,
      update.maxSessionDuration ?? role.maxSessionDuration,
      role.id,
    );
    return byId(db, role.id);
  })();
}

export function updateAssumeRolePolicy(db: Db, name: string, document: string): void {
  assertTrustPolicy(db, document);
  db.transaction(() => {
    const role = requireModifiableRole(db, name);
    prepared(db, 'UPDATE iam_roles SET assume_role_policy = ? WHERE id = ?').run(document, role.id);
    bumpPolicyState(db);
  })();
}

/** Deletes a role that no instance profile holds and that has no policies left. */
export function deleteRole(db: Db, name: string): void {
  db.transaction(() => {
    const role = requireModifiableRole(db, name);
    const has = (sql: string) => prepared(db, sql).get(role.id) !== undefined;
    if (has('SELECT 1 FROM iam_instance_profile_roles WHERE role_id = ? LIMIT 1')) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.');
    }
    if (has("SELECT 1 FROM iam_inline_policies WHERE principal_type = 'role' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    }
    if (has("SELECT 1 FROM iam_attachments WHERE principal_type = 'role' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    }
    prepared(db, 'DELETE FROM iam_roles WHERE id = ?').run(role.id);
    dropTags(db, 'role', role.id);
    forgetTrustedPrincipal(db, { type: 'role', ...role });
    bumpPolicyState(db);
  })();
}

export function setRoleBoundary(db: Db, name: string, boundaryArn: string | null): void {
  db.transaction(() => {
    const role = requireModifiableRole(db, name);
    prepared(db, 'UPDATE iam_roles SET boundary_arn = ? WHERE id = ?').run(boundaryArn, role.id);
    bumpPolicyState(db);
  })();
}

/** Records a use of the role (AssumeRole); shown as RoleLastUsed by GetRole. */
export function recordRoleUse(db: Db, name: string, when: Date, region: string): void {
  prepared(db, 'UPDATE iam_roles SET last_used_date = ?, last_used_region = ? WHERE name = ?').run(isoSeconds(when), region, name);
}
