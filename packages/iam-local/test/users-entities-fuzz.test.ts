// Hostile and random parameters for every entity operation (users, groups, roles, policies, tags, authorization
// details): each call either succeeds or refuses with an IamError; nothing else escapes, and the database stays
// consistent (integrity check, counts agree with rows).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/model/db.ts';
import { ensureAccount } from '../src/model/account.ts';
import type { OperationContext, OperationDefinition } from '../src/protocol/operation.ts';
import { IamError } from '../src/errors.ts';
import { userOperations } from '../src/operations/users.ts';
import { groupOperations } from '../src/operations/groups.ts';
import { roleOperations } from '../src/operations/roles.ts';
import { policyOperations } from '../src/operations/policies.ts';
import { tagOperations } from '../src/operations/tags.ts';
import { authorizationDetailsOperations } from '../src/operations/authorization-details.ts';

const ACCOUNT = '123456789012';
const operations: Record<string, OperationDefinition> = {
  ...userOperations,
  ...groupOperations,
  ...roleOperations,
  ...policyOperations,
  ...tagOperations,
  ...authorizationDetailsOperations,
};

const PARAMS = [
  'UserName', 'GroupName', 'RoleName', 'PolicyName', 'PolicyArn', 'Path', 'PathPrefix', 'NewUserName', 'NewGroupName', 'NewPath',
  'PermissionsBoundary', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Description', 'MaxSessionDuration', 'VersionId', 'SetAsDefault',
  'Scope', 'OnlyAttached', 'PolicyUsageFilter', 'EntityFilter', 'Marker', 'MaxItems', 'Tags.member.1.Key', 'Tags.member.1.Value',
  'Tags.member.2.Key', 'TagKeys.member.1', 'Filter.member.1',
];

const VALID_DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const TRUST_DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const HOSTILE = [
  '', ' ', 'alice', 'ALICE', 'fuzz-user', 'fuzz-group', 'fuzz-role', '/', '/a/', '//', 'a/b', '%00', '\u0000', '\uFFFF', '😀', "'; DROP TABLE iam_users; --",
  'x'.repeat(70), 'x'.repeat(600), '-1', '0', '1', '99999999999999999999', 'NaN', 'true', 'false', 'v1', 'v0', 'v99999999999', 'All', 'AWS', 'Local',
  'arn:aws:iam::aws:policy/AdministratorAccess', `arn:aws:iam::${ACCOUNT}:policy/fuzz-policy`, 'arn:aws:iam::aws:policy/../../x', 'arn:aws:s3:::bucket-name',
  VALID_DOC, TRUST_DOC, '{"Statement":[]}', '{"Statement":{}}', '[]', '{', 'null', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":[]}]}',
  'azE6', Buffer.from('k1:zzz').toString('base64url'), Buffer.from('o1:5').toString('base64url'), Buffer.from('o1:-3').toString('base64url'),
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomString(next: () => number): string {
  const length = Math.floor(next() * 40);
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCodePoint(Math.floor(next() * 0x2fff));
  return out;
}

/** What the pipeline does after authentication: parse the parameters, then handle them. */
const call = (operation: OperationDefinition, params: Record<string, string>) => operation.handle(operation.parse(params), ctx);

let db: Db;
let dataDir: string;
let ctx: OperationContext;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'iam-entities-fuzz-'));
  db = openDatabase(dataDir);
  ensureAccount(db, { accountId: ACCOUNT });
  ctx = {
    state: { db, accountId: ACCOUNT, dataDir },
    caller: { kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT, accessKeyId: 'AKIAFUZZFUZZFUZZFUZZ', temporary: false },
    requestId: 'fuzz',
    now: new Date('2026-02-01T00:00:00Z'),
    region: 'us-east-1',
    sourceIp: '127.0.0.1',
  };
  const seed = (action: string, params: Record<string, string>) => call(operations[action]!, params);
  seed('CreateUser', { UserName: 'fuzz-user' });
  seed('CreateGroup', { GroupName: 'fuzz-group' });
  seed('CreateRole', { RoleName: 'fuzz-role', AssumeRolePolicyDocument: TRUST_DOC });
  seed('CreatePolicy', { PolicyName: 'fuzz-policy', PolicyDocument: VALID_DOC });
});
afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('entity operations under hostile input', () => {
  it('only ever succeed or refuse with an IamError, for authorize and handle alike', async () => {
    const next = random(20261123);
    const unexpected: string[] = [];
    const actions = Object.keys(operations);
    for (let round = 0; round < 4000; round++) {
      const action = actions[round % actions.length] as string;
      const params: Record<string, string> = {};
      for (const name of PARAMS) {
        const roll = next();
        if (roll < 0.45) continue;
        params[name] = roll < 0.9 ? (HOSTILE[Math.floor(next() * HOSTILE.length)] as string) : randomString(next);
      }
      const operation = operations[action]!;
      for (const phase of [() => operation.authorize(params, ctx), () => call(operation, params)]) {
        try {
          await phase();
        } catch (error) {
          if (!(error instanceof IamError)) unexpected.push(`${action}(${JSON.stringify(params)}): ${String(error)}`);
        }
      }
    }
    expect(unexpected.slice(0, 5)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every attachment and membership points at something that exists.
    const dangling = db
      .prepare(
        `SELECT count(*) FROM iam_group_members m WHERE NOT EXISTS (SELECT 1 FROM iam_users u WHERE u.id = m.user_id)
           OR NOT EXISTS (SELECT 1 FROM iam_groups g WHERE g.id = m.group_id)`,
      )
      .pluck()
      .get();
    expect(dangling).toBe(0);
  });
});
