// Model-level checks of users, groups, attachments and principal policies on a temp database (no HTTP).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/model/db.ts';
import { createUser, deleteUser, findUser, listUsers, updateUser } from '../src/model/users.ts';
import { addUserToGroup, createGroup, deleteGroup } from '../src/model/groups.ts';
import { attachPolicy } from '../src/model/attachments.ts';
import { putInlinePolicy } from '../src/model/inline-policies.ts';
import { createPolicy } from '../src/model/managed-policies.ts';
import { policiesForUser, policyStateVersion } from '../src/model/principal-policies.ts';
import { IamError } from '../src/errors.ts';

const now = new Date('2026-03-01T12:00:00.123Z');
const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

let db: Db;
beforeEach(() => {
  db = openDatabase(mkdtempSync(join(tmpdir(), 'iam-users-model-')));
});
afterEach(() => db.close());

describe('users model', () => {
  it('creates users with AWS-shaped ids and second-precision timestamps', () => {
    const user = createUser(db, { name: 'alice', path: '/staff/' }, now);
    expect(user.id).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user.createDate).toBe('2026-03-01T12:00:00Z');
    expect(findUser(db, 'ALICE')?.name).toBe('alice');
  });

  it('refuses a name that differs only in case', () => {
    createUser(db, { name: 'Bob', path: '/' }, now);
    expect(refusal(() => createUser(db, { name: 'bob', path: '/' }, now))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'User with name bob already exists.',
    });
  });

  it('pages users in name order with opaque markers and path prefix', () => {
    for (const name of ['d', 'a', 'c', 'b', 'e']) createUser(db, { name, path: name < 'c' ? '/x/' : '/' }, now);
    const first = listUsers(db, { maxItems: 2 });
    expect(first.items.map((u) => u.name)).toEqual(['a', 'b']);
    expect(first.isTruncated).toBe(true);
    const second = listUsers(db, { maxItems: 2, marker: first.marker });
    expect(second.items.map((u) => u.name)).toEqual(['c', 'd']);
    const last = listUsers(db, { maxItems: 2, marker: second.marker });
    expect(last).toEqual({ items: [expect.objectContaining({ name: 'e' })], isTruncated: false });
    expect(listUsers(db, { maxItems: 10, pathPrefix: '/x/' }).items.map((u) => u.name)).toEqual(['a', 'b']);
    expect(refusal(() => listUsers(db, { maxItems: 2, marker: 'garbage' }))).toMatchObject({ code: 'ValidationError', message: 'Invalid Marker.' });
  });

  it('renames a user keeping its id, and refuses a taken name', () => {
    const carol = createUser(db, { name: 'carol', path: '/' }, now);
    createUser(db, { name: 'dave', path: '/' }, now);
    expect(updateUser(db, 'carol', { newName: 'caroline', newPath: '/p/' })).toMatchObject({ id: carol.id, name: 'caroline', path: '/p/' });
    expect(refusal(() => updateUser(db, 'caroline', { newName: 'DAVE' })).code).toBe('EntityAlreadyExists');
    expect(refusal(() => updateUser(db, 'carol', { newPath: '/' })).message).toBe('The user with name carol cannot be found.');
  });

  it('refuses DeleteUser per dependency, in AWS words', () => {
    createUser(db, { name: 'erin', path: '/' }, now);
    putInlinePolicy(db, { type: 'user', id: findUser(db, 'erin')!.id, name: 'erin' }, 'inline', ALLOW_ALL);
    expect(refusal(() => deleteUser(db, 'erin')).message).toBe('Cannot delete entity, must delete policies first.');
    db.prepare('DELETE FROM iam_inline_policies').run();
    const policy = createPolicy(db, '111122223333', { name: 'p', path: '/', document: ALLOW_ALL }, now);
    attachPolicy(db, { type: 'user', id: findUser(db, 'erin')!.id }, policy.arn);
    expect(refusal(() => deleteUser(db, 'erin')).message).toBe('Cannot delete entity, must detach all policies first.');
    db.prepare('DELETE FROM iam_attachments').run();
    createGroup(db, { name: 'g', path: '/' }, now);
    addUserToGroup(db, 'g', 'erin');
    expect(refusal(() => deleteUser(db, 'erin')).message).toBe('Cannot delete entity, must remove users from group first.');
    expect(refusal(() => deleteGroup(db, 'g')).message).toBe('Cannot delete entity, must remove users from group first.');
    db.prepare('DELETE FROM iam_group_members').run();
    const credential = refusal(() => deleteUser(db, 'erin', () => ({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete access keys first.' })));
    expect(credential).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete access keys first.' });
    deleteUser(db, 'erin', () => undefined);
    expect(findUser(db, 'erin')).toBeUndefined();
  });
});

describe('principal policies', () => {
  it('gathers own and group policies and bumps the generation on every change', () => {
    const user = createUser(db, { name: 'frank', path: '/' }, now);
    const v0 = policyStateVersion(db);
    putInlinePolicy(db, { type: 'user', id: user.id, name: 'frank' }, 'own', ALLOW_ALL);
    const group = createGroup(db, { name: 'admins', path: '/' }, now);
    addUserToGroup(db, 'admins', 'frank');
    attachPolicy(db, { type: 'group', id: group.id }, 'arn:aws:iam::aws:policy/AdministratorAccess');
    expect(policyStateVersion(db)).toBeGreaterThan(v0);
    const policies = policiesForUser(db, 'frank');
    expect(policies?.identityPolicies.map((p) => [p.type, p.name])).toEqual([
      ['inline', 'own'],
      ['managed', 'AdministratorAccess'],
    ]);
    expect(JSON.parse(policies!.identityPolicies[1]!.document)).toMatchObject({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(policiesForUser(db, 'nobody')).toBeUndefined();
  });
});
