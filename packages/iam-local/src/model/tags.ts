// Tags on IAM resources. Keys of users and roles are case-insensitive but case-preserving (a new
// `department` replaces `Department`); keys of other resources (customer managed policies, …) are case-sensitive.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { bumpPolicyState } from './policy-state.ts';

// A type alias (not an interface) so tags fit the XML result tree's index signature.
export type Tag = { Key: string; Value: string };

export const MAX_TAGS_PER_RESOURCE = 50;

const CASE_INSENSITIVE_KEYS = new Set(['user', 'role']);

function fold(resourceType: string, key: string): string {
  return CASE_INSENSITIVE_KEYS.has(resourceType) ? key.toLowerCase() : key;
}

/** Tags in the order they were first added. */
export function listTags(db: Db, resourceType: string, resourceId: string): Tag[] {
  // Sorted here rather than with ORDER BY seq, which costs SQLite a temporary B-tree on every call (GetUser, GetRole
  // and every authorization of a tagged principal read this): several times the lookup itself.
  const rows = prepared(db, 'SELECT key, value, seq FROM iam_tags WHERE resource_type = ? AND resource_id = ?')
    .all(resourceType, resourceId) as { key: string; value: string; seq: number }[];
  if (rows.length > 1) rows.sort((a, b) => a.seq - b.seq);
  return rows.map((row) => ({ Key: row.key, Value: row.value }));
}

/** Tags as a map (for aws:PrincipalTag / aws:ResourceTag). */
export function tagMap(db: Db, resourceType: string, resourceId: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of listTags(db, resourceType, resourceId)) map[tag.Key] = tag.Value;
  return map;
}

/**
 * Adds or replaces tags; refuses (before writing anything) when the resource would carry more than 50.
 * Call inside a transaction together with the change it belongs to.
 */
export function putTags(db: Db, resourceType: string, resourceId: string, tags: readonly Tag[]): void {
  if (tags.length === 0) return;
  const existing = new Set(
    (prepared(db, 'SELECT key_fold FROM iam_tags WHERE resource_type = ? AND resource_id = ?').pluck().all(resourceType, resourceId) as string[]),
  );
  const incoming = new Set(tags.map((tag) => fold(resourceType, tag.Key)));
  if (incoming.size < tags.length) {
    // AWS's note on case applies only where keys are case-insensitive (recorded: roles with it, policies without).
    const note = CASE_INSENSITIVE_KEYS.has(resourceType) ? ' Please note that Tag keys are case insensitive.' : '';
    throw new IamError('InvalidInput', `Duplicate tag keys found.${note}`);
  }
  const total = new Set([...existing, ...incoming]).size;
  if (total > MAX_TAGS_PER_RESOURCE) {
    throw new IamError('LimitExceeded', `The number of tags has reached the maximum limit.`);
  }
  const nextSeq = (prepared(db, 'SELECT coalesce(max(seq), 0) + 1 FROM iam_tags WHERE resource_type = ? AND resource_id = ?').pluck().get(resourceType, resourceId) as number);
  const upsert = prepared(db, `
    INSERT INTO iam_tags (resource_type, resource_id, key_fold, key, value, seq) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (resource_type, resource_id, key_fold) DO UPDATE SET key = excluded.key, value = excluded.value`);
  tags.forEach((tag, index) => upsert.run(resourceType, resourceId, fold(resourceType, tag.Key), tag.Key, tag.Value, nextSeq + index));
  // Principal and resource tags take part in policy conditions.
  bumpPolicyState(db);
}

/** Removes the given keys; keys that are not there are ignored, as AWS does. */
export function removeTags(db: Db, resourceType: string, resourceId: string, keys: readonly string[]): void {
  const remove = prepared(db, 'DELETE FROM iam_tags WHERE resource_type = ? AND resource_id = ? AND key_fold = ?');
  for (const key of keys) remove.run(resourceType, resourceId, fold(resourceType, key));
  bumpPolicyState(db);
}

/** Drops every tag of a deleted resource. */
export function dropTags(db: Db, resourceType: string, resourceId: string): void {
  prepared(db, 'DELETE FROM iam_tags WHERE resource_type = ? AND resource_id = ?').run(resourceType, resourceId);
}
