// Console passwords over HTTP: login profile CRUD, ChangePassword by the user itself, policy enforcement.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, policy } from './helpers/fixtures.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());
afterEach(async () => {
  await t.iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
});

describe('login profiles', () => {
  it('creates, reads, updates and deletes a login profile; DeleteUser waits for it', async () => {
    addUser(t, 'pat');
    const created = await t.iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Pat-passw0rd!', PasswordResetRequired: true }));
    expect(created.LoginProfile).toMatchObject({ UserName: 'pat', PasswordResetRequired: true });
    expect(created.LoginProfile?.CreateDate).toBeInstanceOf(Date);
    expect(await awsError(t.iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Pat-passw0rd!' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'Login Profile for user pat already exists.',
    });
    await t.iam.send(new UpdateLoginProfileCommand({ UserName: 'pat', PasswordResetRequired: false }));
    expect((await t.iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))).LoginProfile?.PasswordResetRequired).toBe(false);
    expect(await awsError(t.iam.send(new DeleteUserCommand({ UserName: 'pat' })))).toMatchObject({ status: 409, message: 'Cannot delete entity, must delete access keys first.' });
    await t.iam.send(new DeleteLoginProfileCommand({ UserName: 'pat' }));
    expect(await awsError(t.iam.send(new GetLoginProfileCommand({ UserName: 'pat' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'Login Profile for User pat cannot be found.',
    });
  });

  it('applies IAM\'s default password policy when the account has none', async () => {
    addUser(t, 'quinn');
    expect(await awsError(t.iam.send(new CreateLoginProfileCommand({ UserName: 'quinn', Password: 'short1!' })))).toEqual({
      name: 'PasswordPolicyViolationException',
      status: 400,
      message: 'Password should have a minimum length of 8',
    });
    expect(await awsError(t.iam.send(new GetLoginProfileCommand({ UserName: 'quinn' })))).toMatchObject({ status: 404 });
  });

  it('ChangePassword: the user changes its own password (account-level grant), old password checked, policy enforced', async () => {
    const rae = addUser(t, 'rae');
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'rae', Password: 'Rae-first-passw0rd!', PasswordResetRequired: true }));
    const self = t.iamAs(rae.keys);
    // No policy of rae's allows iam:ChangePassword, and the password policy does not grant it either.
    expect(await awsError(self.send(new ChangePasswordCommand({ OldPassword: 'Rae-first-passw0rd!', NewPassword: 'Rae-second-passw0rd!' })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
    });
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 16, AllowUsersToChangePassword: true, PasswordReusePrevention: 3 }));
    expect(await awsError(self.send(new ChangePasswordCommand({ OldPassword: 'wrong-old-passw0rd', NewPassword: 'Rae-second-passw0rd!' })))).toMatchObject({
      status: 403,
      message: 'The old password is incorrect.',
    });
    expect(await awsError(self.send(new ChangePasswordCommand({ OldPassword: 'Rae-first-passw0rd!', NewPassword: 'too-short' })))).toEqual({
      name: 'PasswordPolicyViolationException',
      status: 400,
      message: 'Password should have a minimum length of 16',
    });
    expect(await awsError(self.send(new ChangePasswordCommand({ OldPassword: 'Rae-first-passw0rd!', NewPassword: 'Rae-first-passw0rd!' })))).toMatchObject({
      status: 400,
      message: 'Password should not be one of your previous 3 passwords',
    });
    await self.send(new ChangePasswordCommand({ OldPassword: 'Rae-first-passw0rd!', NewPassword: 'Rae-second-passw0rd!' }));
    expect((await t.iam.send(new GetLoginProfileCommand({ UserName: 'rae' }))).LoginProfile?.PasswordResetRequired).toBe(false);
  });

  it('ChangePassword: an explicit deny beats the account-level grant; root gets InvalidUserType', async () => {
    const deny = policy({ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' });
    const sam = addUser(t, 'sam', { deny });
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'sam', Password: 'Sam-first-passw0rd!' }));
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
    const denied = await awsError(t.iamAs(sam.keys).send(new ChangePasswordCommand({ OldPassword: 'Sam-first-passw0rd!', NewPassword: 'Sam-second-passw0rd!' })));
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('with an explicit deny');
    expect(await awsError(t.iam.send(new ChangePasswordCommand({ OldPassword: 'x', NewPassword: 'y' })))).toMatchObject({ name: 'InvalidUserTypeException', status: 400 });
  });
});

describe('account password policy', () => {
  it('NoSuchEntity until set, then the fields as set (omitted ones default), then gone again', async () => {
    expect(await awsError(t.iam.send(new GetAccountPasswordPolicyCommand({})))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `The Password Policy with domain name ${t.accountId} cannot be found.`,
    });
    await t.iam.send(
      new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: true }),
    );
    expect((await t.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: true,
    });
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({}));
    // The defaults as AWS answers them (localstack's recorded snapshots): no HardExpiry, age or reuse members.
    expect((await t.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
    });
    await t.iam.send(new DeleteAccountPasswordPolicyCommand({}));
    expect(await awsError(t.iam.send(new DeleteAccountPasswordPolicyCommand({})))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The account policy with name PasswordPolicy cannot be found.',
    });
  });

  it('refuses values outside the documented ranges, all at once, and keeps the old policy', async () => {
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }));
    expect(await awsError(t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 5, MaxPasswordAge: 1096, PasswordReusePrevention: 25 })))).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6; " +
        "Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; " +
        "Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    });
    expect((await t.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(10);
  });

  it('is enforced on CreateLoginProfile and UpdateLoginProfile', async () => {
    addUser(t, 'tia');
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireUppercaseCharacters: true, RequireSymbols: true }));
    expect((await awsError(t.iam.send(new CreateLoginProfileCommand({ UserName: 'tia', Password: 'lowercase1!' })))).message).toBe('Password should have at least one uppercase letter');
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'tia', Password: 'Uppercase1!' }));
    expect((await awsError(t.iam.send(new UpdateLoginProfileCommand({ UserName: 'tia', Password: 'NoSymbols11' })))).message).toBe('Password should have at least one symbol');
  });

  it('GetAccountPasswordPolicy is granted to every user by AllowUsersToChangePassword', async () => {
    const uma = addUser(t, 'uma');
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 9 }));
    expect((await awsError(t.iamAs(uma.keys).send(new GetAccountPasswordPolicyCommand({})))).status).toBe(403);
    await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 9, AllowUsersToChangePassword: true }));
    expect((await t.iamAs(uma.keys).send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(9);
  });
});
