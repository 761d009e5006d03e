// Account alias and GetAccountSummary over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountAliasCommand,
  GetAccountSummaryCommand,
  ListAccountAliasesCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser } from './helpers/fixtures.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('account alias', () => {
  it('has none at first, one after creation; a new alias replaces it; delete removes it', async () => {
    expect((await t.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    await t.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-test' }));
    expect(await awsError(t.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-test' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'The account alias acme-test already exists.',
    });
    await t.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-2' }));
    const listed = await t.iam.send(new ListAccountAliasesCommand({}));
    expect(listed.AccountAliases).toEqual(['acme-2']);
    expect(listed.IsTruncated).toBe(false);
    expect(await awsError(t.iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-test' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    await t.iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-2' }));
    expect((await t.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it('refuses aliases that break the pattern', async () => {
    for (const alias of ['Upper-Case', 'double--dash', '-leading', 'ab']) {
      const error = await awsError(t.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias })));
      expect(error.status, alias).toBe(400);
      expect(error.message, alias).toMatch(/^[12] validation errors? detected: Value at 'accountAlias' failed to satisfy constraint: Member must (satisfy regular expression pattern|have length)/);
    }
  });
});

describe('GetAccountSummary', () => {
  it('counts live entities next to the quotas, with AWS key names', async () => {
    const before = (await t.iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    expect(before).toMatchObject({ UsersQuota: 5000, GroupsQuota: 300, RolesQuota: 1000, PoliciesQuota: 1500, AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 });
    for (const key of ['Users', 'Groups', 'Roles', 'Policies', 'MFADevices', 'MFADevicesInUse', 'ServerCertificates', 'PolicyVersionsInUse', 'AccessKeysPerUserQuota']) {
      expect(before, key).toHaveProperty(key);
    }
    addUser(t, 'sum-user');
    await t.iam.send(new CreateGroupCommand({ GroupName: 'sum-group' }));
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'sum-device' }));
    const after = (await t.iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    expect(after.Users).toBe((before.Users ?? 0) + 1);
    expect(after.Groups).toBe((before.Groups ?? 0) + 1);
    expect(after.MFADevices).toBe((before.MFADevices ?? 0) + 1);
    expect(after.MFADevicesInUse).toBe(before.MFADevicesInUse);
  });
});
