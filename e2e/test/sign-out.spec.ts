// Sign-out destroys the session on the server: the browser lands on sign-in, and the old session cookie,
// replayed from elsewhere, no longer opens anything.
import { expect, pageHeading, screenshot, signInAsDemo, test } from './support/fixtures.ts';
import { expectApiError, signInWithApi } from './support/bff-api.ts';

test('sign-out destroys the session: API calls are then 401, even with the old cookie', async ({ page, playwright, baseURL }) => {
  await signInAsDemo(page, 'admin', { path: '/users' });
  await expect(pageHeading(page, /^Users/)).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  const cookieHeader = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  expect((await page.request.get('/api/users')).status()).toBe(200);

  await page.getByRole('button', { name: /^admin\b/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await screenshot(page, 'sign-in-signed-out');

  await expectApiError(await page.request.get('/api/users'), 401, 'NotSignedIn');
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader } });
  try {
    await expectApiError(await replay.get('/api/users'), 401, 'NotSignedIn');
    expect((await (await replay.get('/api/session')).json()).signedIn).toBe(false);
  } finally {
    await replay.dispose();
  }

  await page.goto('/users');
  await expect(page).toHaveURL(/\/signin\?next=%2Fusers$/);
});

test('"Sign out of all sessions" ends every session of the principal, in any browser, and no one else’s', async ({ page, playwright, baseURL }) => {
  // Admin also signed in elsewhere (another browser), and the auditor in a third.
  const elsewhere = await playwright.request.newContext({ baseURL });
  const auditor = await playwright.request.newContext({ baseURL });
  try {
    await signInWithApi(elsewhere, 'admin');
    await signInWithApi(auditor, 'auditor');
    await signInAsDemo(page, 'admin', { path: '/users' });
    await expect(pageHeading(page, /^Users/)).toBeVisible();
    expect((await elsewhere.get('/api/users')).status()).toBe(200);

    await page.getByRole('button', { name: /^admin\b/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out of all sessions' }).click();
    await expect(page).toHaveURL(/\/signin\?reason=signed-out-everywhere$/);
    await expect(page.getByText('You have signed out of all your sessions, in every browser.')).toBeVisible();

    await expectApiError(await page.request.get('/api/users'), 401, 'NotSignedIn');
    await expectApiError(await elsewhere.get('/api/users'), 401, 'NotSignedIn');
    expect((await auditor.get('/api/users')).status()).toBe(200);
  } finally {
    await elsewhere.dispose();
    await auditor.dispose();
  }
});
