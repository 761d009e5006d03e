import { afterEach, describe, expect, it } from 'vitest';
import { ensureAccount, getAccount } from '../src/model/account.ts';
import { openDatabase } from '../src/model/db.ts';
import { findAccessKey } from '../src/model/access-keys.ts';
import { openTempAccount, type TempAccount } from './helpers/temp-account.ts';

let temp: TempAccount | undefined;
afterEach(() => temp?.close());

describe('ensureAccount', () => {
  it('creates the account with the given id and an active root access key', () => {
    temp = openTempAccount('123456789012');
    const { account, db } = temp;
    expect(account.created).toBe(true);
    expect(account.accountId).toBe('123456789012');
    expect(account.alias).toBeUndefined();
    const key = account.rootAccessKey!;
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toHaveLength(40);
    expect(findAccessKey(db, key.accessKeyId)).toEqual({
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      status: 'Active',
      owner: { kind: 'root' },
    });
  });

  it('returns the existing account on later starts without a second root key', () => {
    temp = openTempAccount('123456789012');
    const again = ensureAccount(temp.db, { accountId: '999999999999' });
    expect(again.created).toBe(false);
    expect(again.accountId).toBe('123456789012');
    expect(again.rootAccessKey).toEqual(temp.account.rootAccessKey);
    expect(temp.db.prepare('SELECT count(*) FROM iam_access_keys').pluck().get()).toBe(1);
  });

  it('survives reopening the data directory', () => {
    temp = openTempAccount('123456789012');
    temp.db.close();
    const db = openDatabase(temp.dataDir);
    expect(getAccount(db)?.accountId).toBe('123456789012');
    temp.db = db;
  });

  it('picks a random 12-digit id when none is given and rejects malformed ids', () => {
    temp = openTempAccount();
    const dir = temp.dataDir + '-other';
    const db = openDatabase(dir);
    try {
      expect(ensureAccount(db).accountId).toMatch(/^[1-9]\d{11}$/);
      expect(() => ensureAccount(db, { accountId: '12345' })).toThrow(/12 digits/);
    } finally {
      db.close();
    }
  });
});
