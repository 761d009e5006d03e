// On the second stack, sessions go idle after 6 s. The next thing the person does must land them on the
// sign-in page saying the session expired, and signing in again must return them where they were going.
import { expect, pageHeading, screenshot, signInAsDemo, test } from './support/fixtures.ts';
import { stack } from './support/stack.ts';

test.use({ baseURL: async ({}, use) => use(stack.shortIdleUrl) });

test('an idle session expires and the next click returns to sign-in, then back to the page', async ({ page }) => {
  await signInAsDemo(page, 'admin', { path: '/users' });
  await expect(pageHeading(page, /^Users/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'alice', exact: true })).toBeVisible();

  // Idle for longer than SESSION_IDLE_MINUTES=0.1 (6 s); nothing in the page calls the API meanwhile.
  await page.waitForTimeout(8_000);
  await page.getByRole('navigation').getByRole('link', { name: 'Roles', exact: true }).click();

  await expect(page).toHaveURL(/\/signin\?reason=expired&next=%2Froles$/);
  await expect(page.getByText('Your session expired. Sign in again to continue.')).toBeVisible();
  await expect(page.getByTestId('demo-admin')).toBeVisible();
  await screenshot(page, 'sign-in-session-expired');
  expect((await page.request.get('/api/users')).status()).toBe(401);

  await page.getByTestId('demo-admin').click();
  await expect(page).toHaveURL(/\/roles$/);
  await expect(pageHeading(page, /^Roles/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'UpdateApp', exact: true })).toBeVisible();
});

test('reloading after the idle timeout lands on sign-in, and the old session stays closed', async ({ page }) => {
  await signInAsDemo(page, 'admin', { path: '/groups' });
  await expect(pageHeading(page, /^User groups/)).toBeVisible();
  await page.waitForTimeout(8_000);
  await page.reload();
  // No `reason=expired` here: the cookie and the stored session live exactly as long as the idle timeout,
  // so after it the BFF cannot tell an expired session from none (see the e2e README).
  await expect(page).toHaveURL(/\/signin\?(reason=expired&)?next=%2Fgroups$/);
  await expect(page.getByTestId('demo-admin')).toBeVisible();
  expect((await page.request.get('/api/groups')).status()).toBe(401);
});
