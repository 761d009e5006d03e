// The sign-in page: demo identities in local mode, and a refused access key explained with AWS's code.
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { rootIamClient } from './support/aws.ts';
import { errorAlert, expect, screenshot, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';

test('the sign-in page offers the demo identities and explains a refused key', async ({ page }) => {
  await page.goto('/users');
  await expect(page).toHaveURL(/\/signin\?next=%2Fusers$/);
  for (const id of ['admin', 'alice', 'bob', 'auditor']) await expect(page.getByTestId(`demo-${id}`)).toBeVisible();
  await expect(page.getByTestId('sign-in-submit')).toBeDisabled();
  await screenshot(page, 'sign-in');

  await page.getByLabel('Access key ID').fill('AKIAIOSFODNN7EXAMPLE');
  await page.getByLabel('Secret access key').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  await page.getByTestId('sign-in-submit').click();
  const alert = errorAlert(page, 'Sign-in failed');
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId('error-reference')).toContainText('Error code: InvalidCredentials');
  await expect(page).toHaveURL(/\/signin/);
  await screenshot(page, 'sign-in-refused-key');
});

test('alice signs in with her MFA device and lands where she was going', async ({ page }) => {
  await page.goto('/signin?next=%2Faccount-settings');
  await page.getByTestId('demo-alice').click();
  await expect(page).toHaveURL(/\/account-settings$/);
  await expect(page.getByRole('button', { name: /^alice\b/ })).toBeVisible();
});

test('a user with two MFA devices chooses the one whose code they type', async ({ page }) => {
  // carol: an access key and two enabled virtual devices, made as root straight at the endpoint.
  const iam = rootIamClient();
  const userName = uniqueName('carol');
  const user = (await iam.send(new CreateUserCommand({ UserName: userName }))).User!;
  // What a self-service user has: she may list her own devices, so the console knows to ask for a code.
  const listOwnDevices = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListMFADevices', Resource: user.Arn }] };
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'list-own-mfa-devices', PolicyDocument: JSON.stringify(listOwnDevices) }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  const devices: { serial: string; seed: string }[] = [];
  for (const name of [`${userName}-phone`, `${userName}-tablet`]) {
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString();
    await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.SerialNumber!, AuthenticationCode1: totp(seed, -2), AuthenticationCode2: totp(seed, -1) }));
    devices.push({ serial: device.SerialNumber!, seed });
  }

  await page.goto('/signin');
  await page.getByLabel('Access key ID').fill(key.AccessKeyId!);
  await page.getByLabel('Secret access key').fill(key.SecretAccessKey!);
  await page.getByTestId('sign-in-submit').click();
  const tablet = page.getByRole('radio', { name: new RegExp(`${userName}-tablet`) });
  await expect(tablet).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(`${userName}-phone`) })).toBeChecked();
  await tablet.check();
  // The phone's code is refused for the tablet: the choice is what the BFF checks the code against.
  await page.getByLabel('MFA code').fill(totp(devices[0]!.seed, 0));
  await page.getByTestId('sign-in-submit').click();
  await expect(errorAlert(page, 'Sign-in failed')).toBeVisible();
  await screenshot(page, 'sign-in-mfa-device-choice');
  await page.getByLabel('MFA code').fill(totp(devices[1]!.seed, 0));
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByRole('button', { name: new RegExp(`^${userName}\\b`) })).toBeVisible();
});

function totp(base32Seed: string, offsetSteps: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32Seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });
}
