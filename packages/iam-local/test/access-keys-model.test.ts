import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAccessKey,
  deleteAccessKey,
  findAccessKey,
  getAccessKeyLastUsed,
  listAccessKeys,
  recordAccessKeyUse,
  updateAccessKeyStatus,
} from '../src/model/access-keys.ts';
import { requireUserOwner } from '../src/model/credential-owner.ts';
import { credentialDeleteConflict } from '../src/model/credential-dependencies.ts';
import { IamError } from '../src/errors.ts';
import { insertUser, openTempAccount, type TempAccount } from './helpers/temp-account.ts';

let temp: TempAccount;
const now = new Date('2026-03-01T10:00:00Z');
beforeEach(() => {
  temp = openTempAccount();
  insertUser(temp.db, 'alice');
});
afterEach(() => temp.close());

const alice = () => requireUserOwner(temp.db, 'alice');

function expectIamError(fn: () => unknown, code: string, message: string | RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IamError);
    expect((error as IamError).code).toBe(code);
    expect((error as IamError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('access keys (model)', () => {
  it('creates up to two keys per user, then LimitExceeded (inactive keys count)', () => {
    const first = createAccessKey(temp.db, alice(), { now });
    expect(first.userName).toBe('alice');
    expect(first.status).toBe('Active');
    updateAccessKeyStatus(temp.db, alice(), first.accessKeyId, 'Inactive');
    createAccessKey(temp.db, alice(), { now });
    expectIamError(() => createAccessKey(temp.db, alice(), { now }), 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
    expect(listAccessKeys(temp.db, alice()).map((k) => k.status)).toEqual(['Inactive', 'Active']);
  });

  it('finds a user key with its owner for the SigV4 verifier', () => {
    const key = createAccessKey(temp.db, alice(), { now });
    const found = findAccessKey(temp.db, key.accessKeyId);
    expect(found?.owner).toMatchObject({ kind: 'user', userName: 'alice', path: '/' });
    expect(found?.secretAccessKey).toBe(key.secretAccessKey);
    expect(findAccessKey(temp.db, 'AKIAXXXXXXXXXXXXXXXX')).toBeUndefined();
  });

  it('refuses to touch a key through another owner', () => {
    insertUser(temp.db, 'bob');
    const bob = requireUserOwner(temp.db, 'bob');
    const key = createAccessKey(temp.db, alice(), { now });
    expectIamError(() => updateAccessKeyStatus(temp.db, bob, key.accessKeyId, 'Inactive'), 'NoSuchEntity', `The Access Key with id ${key.accessKeyId} cannot be found.`);
    expectIamError(() => deleteAccessKey(temp.db, { kind: 'root' }, key.accessKeyId), 'NoSuchEntity', /cannot be found/);
    deleteAccessKey(temp.db, alice(), key.accessKeyId);
    expect(findAccessKey(temp.db, key.accessKeyId)).toBeUndefined();
  });

  it('reports N/A for a never-used key and the last use afterwards', () => {
    const key = createAccessKey(temp.db, alice(), { now });
    expect(getAccessKeyLastUsed(temp.db, key.accessKeyId)).toEqual({ userName: 'alice', lastUsedDate: undefined, region: 'N/A', serviceName: 'N/A' });
    recordAccessKeyUse(temp.db, key.accessKeyId, { service: 'iam', region: 'us-east-1', when: new Date('2026-03-02T08:00:00.500Z') });
    recordAccessKeyUse(temp.db, key.accessKeyId, { service: 'sts', region: 'us-east-1', when: new Date('2026-03-02T09:00:00Z') });
    expect(getAccessKeyLastUsed(temp.db, key.accessKeyId)).toEqual({
      userName: 'alice',
      lastUsedDate: new Date('2026-03-02T09:00:00Z'),
      region: 'us-east-1',
      serviceName: 'sts',
    });
    expectIamError(() => getAccessKeyLastUsed(temp.db, 'AKIANOPE'), 'NoSuchEntity', /AKIANOPE/);
  });

  it('unknown user names are NoSuchEntity in AWS wording', () => {
    expectIamError(() => requireUserOwner(temp.db, 'nobody'), 'NoSuchEntity', 'The user with name nobody cannot be found.');
  });
});

describe('credentialDeleteConflict', () => {
  it('names access keys, then nothing once they are gone', () => {
    expect(credentialDeleteConflict(temp.db, 'alice')).toBeUndefined();
    const key = createAccessKey(temp.db, alice(), { now });
    expect(credentialDeleteConflict(temp.db, 'alice')).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete access keys first.' });
    deleteAccessKey(temp.db, alice(), key.accessKeyId);
    expect(credentialDeleteConflict(temp.db, 'alice')).toBeUndefined();
  });
});
