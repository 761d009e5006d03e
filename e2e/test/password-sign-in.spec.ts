// Sign-in with an IAM user's console password (local mode): a user whose password must be reset is held on
// "Change password" until it is, the account password policy ticked off as they type, then lands in the console.
// The user is made with the SDK as root, so the seeded demo users stay as they are for the other specs.
import { CreateLoginProfileCommand, CreateUserCommand, GetUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { rootIamClient } from './support/aws.ts';
import { errorAlert, expect, screenshot, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';
import { stack } from './support/stack.ts';

const FIRST_PASSWORD = 'First-Passw0rd-e2e!';
const NEW_PASSWORD = 'Changed-Passw0rd-e2e!';

/** The IAM User Guide's "Allows IAM users to change their own password", plus reading their own user. */
const CHANGE_OWN_PASSWORD = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
    { Effect: 'Allow', Action: ['iam:GetUser', 'iam:ChangePassword'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
  ],
});

async function userWhoseFirstPasswordMustChange(): Promise<string> {
  const iam = rootIamClient();
  const userName = uniqueName('nina');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'change-own-password', PolicyDocument: CHANGE_OWN_PASSWORD }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: FIRST_PASSWORD, PasswordResetRequired: true }));
  return userName;
}

test('a user signs in with a password that must be changed, changes it as the policy asks, and lands in the console', async ({ page }) => {
  const userName = await userWhoseFirstPasswordMustChange();
  await page.goto('/signin?next=%2Fsecurity-credentials');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByLabel('Account ID (12 digits) or account alias').fill(stack.accountId);
  await page.getByLabel('IAM user name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill('Not-the-passw0rd!');
  await screenshot(page, 'password-sign-in');
  await page.getByTestId('sign-in-submit').click();
  await expect(errorAlert(page, 'Your authentication information is incorrect. Please try again.')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill(FIRST_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(/\/change-password\?next=%2Fsecurity-credentials$/);
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  // Nothing else until the password is changed: another page leads back here.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/change-password\?next=%2Fusers$/);

  await page.getByLabel('Old password').fill(FIRST_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('Short1!');
  await page.getByLabel('Retype new password').fill('Short1!');
  const checks = page.getByTestId('password-checks');
  await expect(checks.getByText('At least 12 characters')).toBeVisible();
  await expect(page.getByTestId('change-password-submit')).toBeDisabled();
  await screenshot(page, 'password-sign-in-change-too-short');

  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Retype new password').fill(NEW_PASSWORD);
  await expect(page.getByTestId('change-password-submit')).toBeEnabled();
  await screenshot(page, 'password-sign-in-change-ready');
  await page.getByTestId('change-password-submit').click();

  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole('button', { name: new RegExp(`^${userName}\\b`) })).toBeVisible();
  await screenshot(page, 'password-sign-in-console');
  // The endpoint recorded the password's use and no longer requires a reset.
  const user = (await rootIamClient().send(new GetUserCommand({ UserName: userName }))).User!;
  expect(user.PasswordLastUsed).toBeInstanceOf(Date);
});
