// My security credentials for ordinary users under the IAM User Guide's Force_MFA policy (the demo seed's EC2MFA
// group): a user without MFA is offered only what the policy allows before an MFA sign-in, assigns a virtual
// device by its QR code, upgrades the session without signing out and reaches the rest; a user with MFA rotates
// her access key through the page and the SDK proves which key works. Each test makes its own user (as root,
// straight at the endpoint), so the demo identities the other specs sign in as stay as seeded.
import { readFileSync } from 'node:fs';
import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, GetUserCommand,
} from '@aws-sdk/client-iam';
import jsqrModule from 'jsqr';
import { Secret, TOTP, URI } from 'otpauth';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { iamClientFor, rootIamClient } from './support/aws.ts';
import { errorAlert, expect, pageHeading, screenshot, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

const totp = (base32Seed: string, offsetSteps: number) =>
  TOTP.generate({ secret: Secret.fromBase32(base32Seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + offsetSteps * 30_000 });
const otherCode = (code: string) => (code === '000000' ? '111111' : '000000');

/** A user in the demo's EC2MFA group (AmazonEC2FullAccess + Force_MFA) with one access key. */
async function forceMfaUser(prefix: string): Promise<{ userName: string; keys: Keys }> {
  const iam = rootIamClient();
  const userName = uniqueName(prefix);
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'EC2MFA', UserName: userName }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  return { userName, keys: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

async function signInWithKey(page: Page, keys: Keys, mfaCode?: () => string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Access key ID').fill(keys.accessKeyId);
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey);
  await page.getByTestId('sign-in-submit').click();
  if (mfaCode) {
    await page.getByLabel('MFA code', { exact: true }).fill(mfaCode());
    await page.getByTestId('sign-in-submit').click();
  }
  await expect(page).not.toHaveURL(/\/signin/);
}

// jsqr is CommonJS with `exports.default`: under Node's ESM interop the default import is the exports object.
type JsQr = typeof jsqrModule.default;
const jsQR: JsQr = (jsqrModule as unknown as { default?: JsQr }).default ?? (jsqrModule as unknown as JsQr);

/** The secret an otpauth:// QR code carries, read from the PNG the page shows, as an authenticator app's camera would. */
function secretOfQrCode(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data, 'the QR code decodes').toMatch(/^otpauth:\/\/totp\//);
  return (URI.parse(decoded!.data) as TOTP).secret.base32;
}

test('a Force_MFA user without MFA assigns a device by its QR code, upgrades the session and reaches the rest', async ({ page }) => {
  const { userName, keys } = await forceMfaUser('bob');
  await signInWithKey(page, keys);

  // The AWS console's way there: the identity menu's "Security credentials".
  await page.getByRole('button', { name: new RegExp(`^${userName}\\b`) }).click();
  await page.getByRole('menuitem', { name: 'Security credentials' }).click();
  await expect(page).toHaveURL(/\/security-credentials$/);
  await expect(pageHeading(page, 'My security credentials')).toBeVisible();
  const locked = page.getByTestId('mfa-locked');
  await expect(locked).toContainText('IAM explicitly denies you Access keys and Change password');
  await expect(page.getByText(/Locked until you sign in with MFA: IAM denies iam:ListAccessKeys/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create access key' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Change password' })).toBeDisabled();
  await expect(page.getByText('No MFA devices', { exact: true })).toBeVisible();
  await screenshot(page, 'self-service-force-mfa-without-mfa');

  await page.getByRole('button', { name: 'Assign MFA device' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Device name')).toHaveValue(userName);
  await expect(dialog.getByText('Authenticator app')).toBeVisible();
  await screenshot(page, 'self-service-assign-mfa-select');
  await dialog.getByRole('button', { name: 'Next' }).click();

  await dialog.getByRole('button', { name: 'Show QR code' }).click();
  const qr = dialog.getByRole('img', { name: /QR code for the virtual MFA device/ });
  await expect(qr).toBeVisible();
  const fromQr = secretOfQrCode((await qr.getAttribute('src'))!);
  await screenshot(page, 'self-service-assign-mfa-qr');
  await dialog.getByRole('button', { name: 'Show secret key' }).click();
  const shownSecret = (await dialog.getByTestId('mfa-secret-key').innerText()).trim();
  expect(shownSecret).toBe(fromQr);

  // A wrong pair of codes: IAM's reason, and another try on the same device.
  await dialog.getByLabel('MFA code 1').fill(otherCode(totp(shownSecret, -1)));
  await dialog.getByLabel('MFA code 2').fill(otherCode(totp(shownSecret, 0)));
  await dialog.getByRole('button', { name: 'Add MFA' }).click();
  const refused = errorAlert(page, 'Authentication code for device is not valid');
  await expect(refused).toBeVisible();
  await expect(refused.getByTestId('error-reference')).toContainText(/Error code: InvalidAuthenticationCode · Request ID: \S+/);
  await screenshot(page, 'self-service-assign-mfa-wrong-code');
  await dialog.getByLabel('MFA code 1').fill(totp(shownSecret, -1));
  await dialog.getByLabel('MFA code 2').fill(totp(shownSecret, 0));
  await dialog.getByRole('button', { name: 'Add MFA' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(`${userName}.*Virtual`) })).toBeVisible();
  await screenshot(page, 'self-service-mfa-assigned');

  // Each code works once: the next one opens an MFA session, without signing out.
  await locked.getByLabel('MFA code', { exact: true }).fill(totp(shownSecret, 1));
  await locked.getByRole('button', { name: 'Sign in with MFA' }).click();
  await expect(locked).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create access key' })).toBeEnabled();
  await expect(page.getByRole('row', { name: new RegExp(keys.accessKeyId) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change password' })).toBeEnabled();
  await screenshot(page, 'self-service-after-mfa-upgrade');
  // The rest of the console under Force_MFA opens as well: the session is the same, now with MFA.
  const session = (await (await page.request.get('/api/session')).json()) as { mfaAuthenticated: boolean; identity: { userName: string } };
  expect(session).toMatchObject({ mfaAuthenticated: true, identity: { userName } });
});

test('a user with MFA rotates her access key on the page: the old key stops working, the new one works', async ({ page }) => {
  const { userName, keys: oldKey } = await forceMfaUser('alice');
  const root = rootIamClient();
  const device = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }))).VirtualMFADevice!;
  const seed = Buffer.from(device.Base32StringSeed!).toString('utf8');
  await root.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.SerialNumber!, AuthenticationCode1: totp(seed, -2), AuthenticationCode2: totp(seed, -1) }));
  await signInWithKey(page, oldKey, () => totp(seed, 0));

  await page.getByRole('navigation').getByRole('link', { name: 'My security credentials' }).click();
  await expect(pageHeading(page, 'My security credentials')).toBeVisible();
  await expect(page.getByTestId('mfa-locked')).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(oldKey.accessKeyId) })).toBeVisible();

  // Create access key: best practices, description, retrieve (shown once, .csv).
  await page.getByRole('button', { name: 'Create access key' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Access key best practices & alternatives')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByLabel('Description tag value').fill('laptop CLI');
  await dialog.getByRole('button', { name: 'Create access key' }).click();
  await expect(dialog.getByText('Retrieve access keys')).toBeVisible();
  // Force_MFA grants no iam:TagUser: the key is there, and she is told why its description is not.
  await expect(dialog.getByText('The access key was created without its description')).toBeVisible();
  await dialog.getByRole('button', { name: 'Show' }).click();
  await screenshot(page, 'self-service-retrieve-access-key');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download .csv file' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('Access key ID,Secret access key');
  const [accessKeyId, secretAccessKey] = csv[1]!.split(',') as [string, string];
  await expect(dialog.getByText(secretAccessKey)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const newKey = { accessKeyId, secretAccessKey };
  await expect((await iamClientFor(newKey).send(new GetUserCommand({}))).User?.UserName).toBe(userName);

  // Two keys: the button says why no third; a key made elsewhere meanwhile gets IAM's LimitExceeded reason.
  await expect(page.getByRole('button', { name: 'Create access key' })).toBeDisabled();
  await expect(page.getByRole('row', { name: new RegExp(accessKeyId) })).toBeVisible();

  // Rotation: deactivate the old key, check, delete it.
  await page.getByRole('button', { name: `Actions for ${oldKey.accessKeyId}` }).click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${oldKey.accessKeyId}.*Inactive`) })).toBeVisible();
  await expect(iamClientFor(oldKey).send(new GetUserCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  await page.getByRole('button', { name: `Actions for ${oldKey.accessKeyId}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByLabel('To confirm deletion, enter the access key ID').fill(oldKey.accessKeyId);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(oldKey.accessKeyId) })).toHaveCount(0);
  await expect(iamClientFor(oldKey).send(new GetUserCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  await expect((await iamClientFor(newKey).send(new GetUserCommand({}))).User?.UserName).toBe(userName);
  // Her MFA session came from the deleted key and goes on, as temporary credentials do on AWS.
  await expect(page.getByRole('row', { name: new RegExp(accessKeyId) })).toBeVisible();
  await screenshot(page, 'self-service-rotated');

  // A key created elsewhere while the page still shows one: IAM's reason for the third key.
  await root.send(new CreateAccessKeyCommand({ UserName: userName }));
  await page.getByRole('button', { name: 'Create access key' }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Create access key' }).click();
  const limit = errorAlert(page, 'Cannot exceed quota for AccessKeysPerUser: 2');
  await expect(limit).toBeVisible();
  await expect(limit).toContainText('A deactivated key still counts');
  await expect(limit.getByTestId('error-reference')).toContainText('Error code: LimitExceeded');
  await screenshot(page, 'self-service-third-key-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Create access key' })).toBeDisabled();
});
