// The sign-in page: demo identities in local mode, and a refused access key explained with AWS's code.
import { errorAlert, expect, screenshot, test } from './support/fixtures.ts';

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
