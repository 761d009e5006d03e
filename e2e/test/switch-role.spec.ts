// Switch role in the browser: a user switches to a role that requires MFA with a code from her device (a wrong code
// and an over-long session duration are refused with their reasons first), works as the role, and goes back; a
// switch-role link opens the Switch role page filled in, and the role page offers this console's link.
import {
  AttachRolePolicyCommand, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { rootIamClient } from './support/aws.ts';
import { errorAlert, expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';
import { stack } from './support/stack.ts';

function totp(base32Seed: string, offsetSteps: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32Seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });
}

/**
 * mara, made as root straight at the endpoint: an access key, a virtual MFA device, and a policy that lets her list
 * her own devices and switch to one role, which trusts the account only with MFA and allows 1 hour at most.
 */
async function userWithMfaRole() {
  const iam = rootIamClient();
  const userName = uniqueName('mara');
  const roleName = uniqueName('Deploy');
  const account = stack.accountId;
  const user = (await iam.send(new CreateUserCommand({ UserName: userName }))).User!;
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };
  await iam.send(new CreateRoleCommand({ RoleName: roleName, Path: '/ops/', AssumeRolePolicyDocument: JSON.stringify(trust), MaxSessionDuration: 3600 }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:ListMFADevices', Resource: user.Arn },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${account}:role/ops/${roleName}` },
    ],
  };
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'switch-to-deploy', PolicyDocument: JSON.stringify(policy) }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }))).VirtualMFADevice!;
  const seed = Buffer.from(device.Base32StringSeed!).toString();
  await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.SerialNumber!, AuthenticationCode1: totp(seed, -2), AuthenticationCode2: totp(seed, -1) }));
  return { userName, roleName: `ops/${roleName}`, key, seed };
}

/** A text field of the Switch role form (the identity menu's description also holds the word "Account"). */
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The identity menu: the button in the top navigation whose name starts with `name`. */
const identityMenu = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name}\\b`) });

test('mara switches to a role that requires MFA with a code from her device, and back', async ({ page }) => {
  const mara = await userWithMfaRole();
  await page.goto('/signin');
  await page.getByLabel('Access key ID').fill(mara.key.AccessKeyId!);
  await page.getByLabel('Secret access key').fill(mara.key.SecretAccessKey!);
  await page.getByTestId('sign-in-submit').click();
  await page.getByLabel('MFA code').fill(totp(mara.seed, 0));
  await page.getByTestId('sign-in-submit').click();
  await expect(identityMenu(page, mara.userName)).toBeVisible();

  await identityMenu(page, mara.userName).click();
  await page.getByRole('menuitem', { name: 'Switch role' }).click();
  await expect(pageHeading(page, 'Switch role')).toBeVisible();
  // IAM does not let her read the account alias, so she gives the account ID.
  await field(page, 'Account').fill(stack.accountId);
  await field(page, 'Role').fill(mara.roleName);
  await field(page, 'Display name').fill('Production');
  await page.getByRole('radio', { name: 'Red' }).check();
  // She cannot list roles: the list of roles she may assume says so.
  await expect(page.getByTestId('assumable-partial')).toContainText('IAM did not let you read the role list');

  // A wrong code: refused, and the reason says which device's code was wrong.
  const wrong = totp(mara.seed, 0) === '000000' ? '111111' : '000000';
  await field(page, 'MFA code').fill(wrong);
  await page.getByTestId('switch-role-submit').click();
  await expect(errorAlert(page, 'The MFA code is not valid')).toBeVisible();
  await expect(errorAlert(page, 'The MFA code is not valid').getByTestId('error-reference')).toContainText('Error code: InvalidMfaCode');
  await screenshot(page, 'switch-role-wrong-mfa-code');

  // 8 hours, where the role allows 1.
  await field(page, 'MFA code').fill('');
  await page.getByRole('button', { name: /Session duration/ }).click();
  await page.getByRole('option', { name: '8 hours' }).click();
  await page.getByTestId('switch-role-submit').click();
  // She may not read the role, so the console cannot say what its maximum is.
  await expect(errorAlert(page, "(8 hours) is longer than the role's maximum session duration")).toBeVisible();
  await screenshot(page, 'switch-role-duration-too-long');

  // The next code of her device, and the default duration.
  await page.getByRole('button', { name: /Session duration/ }).click();
  await page.getByRole('option', { name: /^The role's maximum/ }).click();
  await field(page, 'MFA code').fill(totp(mara.seed, 1));
  await page.getByTestId('switch-role-submit').click();
  await expect(identityMenu(page, 'Production')).toBeVisible();
  const band = page.getByTestId('switched-role-band');
  await expect(band).toContainText(`Role ${mara.roleName} @ ${stack.accountId}`);
  await expect(band).toHaveCSS('background-color', 'rgb(242, 176, 169)');
  // The role's ReadOnlyAccess reads the users list, which mara herself may not.
  await page.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('link', { name: mara.userName, exact: true })).toBeVisible();
  await screenshot(page, 'switch-role-switched');

  await identityMenu(page, 'Production').click();
  await page.getByRole('menuitem', { name: `Back to ${mara.userName}` }).click();
  await expect(identityMenu(page, mara.userName)).toBeVisible();
  await expect(page.getByTestId('switched-role-band')).toHaveCount(0);
  await screenshot(page, 'switch-role-back');

  // The role is in her history now, for one click.
  await page.goto('/switchrole');
  await expect(page.getByTestId('recent-role')).toContainText('Production');
  await screenshot(page, 'switch-role-history');
});

test('a switch-role link opens the Switch role page filled in; the role page shows this console’s link', async ({ page }) => {
  await openSignedIn(page, 'admin', '/roles/DeveloperReadOnly');
  await expect(page.getByText(/\/switchrole\?account=acme-demo&roleName=DeveloperReadOnly&displayName=DeveloperReadOnly$/)).toHaveCount(2);

  await page.goto('/switchrole?account=acme-demo&roleName=DeveloperReadOnly&displayName=Read%20only&color=b7ca9d');
  await expect(pageHeading(page, 'Switch role')).toBeVisible();
  await expect(field(page, 'Account')).toHaveValue('acme-demo');
  await expect(field(page, 'Role')).toHaveValue('DeveloperReadOnly');
  await expect(field(page, 'Display name')).toHaveValue('Read only');
  await expect(page.getByRole('radio', { name: 'Green' })).toBeChecked();
  // The admin may read roles and simulate his policies: the list is the evaluated one.
  await expect(page.getByRole('row').filter({ hasText: 'DeveloperReadOnly' }).first()).toBeVisible();
  await screenshot(page, 'switch-role-from-link');

  // Export the role as an AWS CLI profile and as an AWS Extend Switch Roles entry.
  await page.getByRole('checkbox', { name: 'Select DeveloperReadOnly' }).check();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Source profile' }).fill('admin');
  const profiles = dialog.getByTestId('export-aws-config');
  await expect(profiles).toContainText(`[profile DeveloperReadOnly]\nrole_arn = arn:aws:iam::${stack.accountId}:role/DeveloperReadOnly\nsource_profile = admin\nrole_session_name = admin`);
  await screenshot(page, 'switch-role-export');
  await dialog.getByRole('tab', { name: 'AWS Extend Switch Roles' }).click();
  await expect(dialog.getByTestId('export-aws-extend-switch-roles.ini')).toContainText(`aws_account_id = ${stack.accountId}\nrole_name = DeveloperReadOnly`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  await page.getByTestId('switch-role-submit').click();
  await expect(identityMenu(page, 'Read only')).toBeVisible();
  await expect(page.getByTestId('switched-role-band')).toHaveCSS('background-color', 'rgb(183, 202, 157)');
  await page.getByTestId('switched-role-band').getByRole('button', { name: 'Back to admin' }).click();
  await expect(identityMenu(page, 'admin')).toBeVisible();
});
