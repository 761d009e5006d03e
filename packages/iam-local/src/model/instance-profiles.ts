// Instance profiles: a named container for at most one role, which EC2 hands to an instance (IAM User Guide,
// "Use instance profiles"). The role is referenced by id, so it cannot be deleted while a profile holds it.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { entityArn, isoSeconds, newUniqueId } from './names.ts';
import { decodeMarker, toPage, type Page, type PageRequest } from './keyset-page.ts';
import { ROLE_COLUMNS, requireRole, type Role } from './roles.ts';
import { dropTags, putTags, type Tag } from './tags.ts';
import { assertBelowQuota } from './account-quotas.ts';

export const INSTANCE_PROFILE_TAG_RESOURCE = 'instance-profile';

export interface InstanceProfile {
  id: string;
  name: string;
  path: string;
  createDate: string;
}

/** An instance profile with the role it holds (none or one). */
export interface InstanceProfileWithRoles extends InstanceProfile {
  roles: Role[];
}

const COLUMNS = 'id, name, path, create_date AS createDate';

export function instanceProfileArn(accountId: string, profile: Pick<InstanceProfile, 'path' | 'name'>): string {
  return entityArn(accountId, 'instance-profile', profile.path, profile.name);
}

export function findInstanceProfile(db: Db, name: string): InstanceProfile | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM iam_instance_profiles WHERE name = ?`).get(name) as InstanceProfile | undefined;
}

export function requireInstanceProfile(db: Db, name: string): InstanceProfile {
  const profile = findInstanceProfile(db, name);
  if (!profile) throw new IamError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
  return profile;
}

function rolesOf(db: Db, profileId: string): Role[] {
  return prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles WHERE id IN (SELECT role_id FROM iam_instance_profile_roles WHERE profile_id = ?)`)
    .all(profileId) as Role[];
}

function withRoles(db: Db, profile: InstanceProfile): InstanceProfileWithRoles {
  return { ...profile, roles: rolesOf(db, profile.id) };
}

export function getInstanceProfile(db: Db, name: string): InstanceProfileWithRoles {
  return withRoles(db, requireInstanceProfile(db, name));
}

export function createInstanceProfile(db: Db, input: { name: string; path: string; tags?: readonly Tag[] }, now: Date): InstanceProfileWithRoles {
  const id = newUniqueId('instanceProfile');
  db.transaction(() => {
    if (findInstanceProfile(db, input.name)) throw new IamError('EntityAlreadyExists', `Instance Profile ${input.name} already exists.`);
    assertBelowQuota(db, 'InstanceProfilesQuota');
    prepared(db, 'INSERT INTO iam_instance_profiles (id, name, path, create_date) VALUES (?, ?, ?, ?)').run(id, input.name, input.path, isoSeconds(now));
    putTags(db, INSTANCE_PROFILE_TAG_RESOURCE, id, input.tags ?? []);
  })();
  return { ...(prepared(db, `SELECT ${COLUMNS} FROM iam_instance_profiles WHERE id = ?`).get(id) as InstanceProfile), roles: [] };
}

export function listInstanceProfiles(db: Db, request: PageRequest & { pathPrefix?: string | undefined }): Page<InstanceProfileWithRoles> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM iam_instance_profiles WHERE name > @after AND substr(path, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit`,
  ).all({ after, prefix: request.pathPrefix ?? '/', limit: request.maxItems + 1 }) as InstanceProfile[];
  const page = toPage(rows, request.maxItems, (profile) => profile.name);
  return { ...page, items: page.items.map((profile) => withRoles(db, profile)) };
}

/** The profiles holding the role (NoSuchEntity for an unknown role). */
export function listInstanceProfilesForRole(db: Db, roleName: string, request: PageRequest): Page<InstanceProfileWithRoles> {
  const role = requireRole(db, roleName);
  return instanceProfilesOfRole(db, role.id, request);
}

export function instanceProfilesOfRole(db: Db, roleId: string, request: PageRequest = { maxItems: 1000 }): Page<InstanceProfileWithRoles> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM iam_instance_profiles WHERE name > ? AND id IN (SELECT profile_id FROM iam_instance_profile_roles WHERE role_id = ?)
     ORDER BY name LIMIT ?`,
  ).all(after, roleId, request.maxItems + 1) as InstanceProfile[];
  const page = toPage(rows, request.maxItems, (profile) => profile.name);
  return { ...page, items: page.items.map((profile) => withRoles(db, profile)) };
}

export function addRoleToInstanceProfile(db: Db, profileName: string, roleName: string): void {
  db.transaction(() => {
    const profile = requireInstanceProfile(db, profileName);
    const role = requireRole(db, roleName);
    if (prepared(db, 'SELECT 1 FROM iam_instance_profile_roles WHERE profile_id = ?').get(profile.id)) {
      throw new IamError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
    }
    prepared(db, 'INSERT INTO iam_instance_profile_roles (profile_id, role_id) VALUES (?, ?)').run(profile.id, role.id);
  })();
}

export function removeRoleFromInstanceProfile(db: Db, profileName: string, roleName: string): void {
  db.transaction(() => {
    const profile = requireInstanceProfile(db, profileName);
    const role = requireRole(db, roleName);
    const removed = prepared(db, 'DELETE FROM iam_instance_profile_roles WHERE profile_id = ? AND role_id = ?').run(profile.id, role.id);
    if (removed.changes === 0) throw new IamError('NoSuchEntity', `Role ${role.name} in Instance Profile ${profile.name} cannot be found.`);
  })();
}

export function deleteInstanceProfile(db: Db, name: string): void {
  db.transaction(() => {
    const profile = requireInstanceProfile(db, name);
    if (prepared(db, 'SELECT 1 FROM iam_instance_profile_roles WHERE profile_id = ?').get(profile.id)) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.');
    }
    prepared(db, 'DELETE FROM iam_instance_profiles WHERE id = ?').run(profile.id);
    dropTags(db, INSTANCE_PROFILE_TAG_RESOURCE, profile.id);
  })();
}
