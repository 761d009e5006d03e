// Account-wide entity quotas: stored per account, reported by GetAccountSummary, enforced on create with AWS's
// LimitExceeded. Small quotas are set in the database directly, as an account owner would have AWS change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetAccountSummaryCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { ENTITY_QUOTAS, getQuota, setQuota, type EntityQuota } from '../src/model/account-quotas.ts';
import { getAccountSummary } from '../src/model/account-summary.ts';
import { seedScale } from '../src/seed/seed-scale.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { openTempAccount } from './helpers/temp-account.ts';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }] });
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const summary = async () => (await t.iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};

describe('entity quotas', () => {
  it('defaults to IAM quotas, reported by GetAccountSummary', async () => {
    expect(await summary()).toMatchObject({ UsersQuota: 5000, GroupsQuota: 300, RolesQuota: 1000, PoliciesQuota: 1500 });
  });

  const CASES: [EntityQuota, string, (i: number) => Promise<unknown>][] = [
    ['UsersQuota', 'UsersPerAccount', (i) => t.iam.send(new CreateUserCommand({ UserName: `u${i}` }))],
    ['GroupsQuota', 'GroupsPerAccount', (i) => t.iam.send(new CreateGroupCommand({ GroupName: `g${i}` }))],
    ['RolesQuota', 'RolesPerAccount', (i) => t.iam.send(new CreateRoleCommand({ RoleName: `r${i}`, AssumeRolePolicyDocument: TRUST }))],
    ['PoliciesQuota', 'PoliciesPerAccount', (i) => t.iam.send(new CreatePolicyCommand({ PolicyName: `p${i}`, PolicyDocument: POLICY }))],
  ];

  it.each(CASES)('%s: creates up to the stored quota, then LimitExceeded (%s)', async (quota, quotaName, create) => {
    setQuota(t.server.state.db, quota, 2);
    expect((await summary())[quota]).toBe(2);
    await create(1);
    await create(2);
    expect(await awsError(create(3))).toEqual({ name: 'LimitExceededException', status: 409, message: `Cannot exceed quota for ${quotaName}: 2` });
    setQuota(t.server.state.db, quota, 3);
    await create(3);
    expect((await awsError(create(4))).message).toBe(`Cannot exceed quota for ${quotaName}: 3`);
  });

  it('a deleted entity frees its place, and a refused create leaves nothing behind', async () => {
    const users = async () => (await t.iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName);
    expect(await users()).toEqual(['u1', 'u2', 'u3']);
    await t.iam.send(new DeleteUserCommand({ UserName: 'u2' }));
    await t.iam.send(new CreateUserCommand({ UserName: 'u4' }));
    expect(await users()).toEqual(['u1', 'u3', 'u4']);
  });

  it('a name clash is reported before the quota', async () => {
    expect((await awsError(t.iam.send(new CreateUserCommand({ UserName: 'u1' })))).name).toBe('EntityAlreadyExistsException');
  });

  it('refuses a negative or fractional quota', () => {
    expect(() => setQuota(t.server.state.db, 'UsersQuota', -1)).toThrow(RangeError);
    expect(() => setQuota(t.server.state.db, 'UsersQuota', 1.5)).toThrow(RangeError);
  });
});

describe('scale seed quota', () => {
  it('keeps the default when N users fit, and raises the users quota to the next thousand when they do not', async () => {
    const small = openTempAccount();
    try {
      await seedScale({ db: small.db, accountId: small.account.accountId, dataDir: small.dataDir }, { users: 10 });
      expect(getQuota(small.db, 'UsersQuota')).toBe(ENTITY_QUOTAS.UsersQuota.default);
    } finally {
      small.close();
    }
    const large = openTempAccount();
    try {
      // 5,000 users and the admin: one more than the default allows.
      await seedScale({ db: large.db, accountId: large.account.accountId, dataDir: large.dataDir }, { users: 5000 });
      expect(getAccountSummary(large.db)).toMatchObject({ Users: 5001, UsersQuota: 6000 });
    } finally {
      large.close();
    }
  });
});
