// "My security credentials" interactive after navigation: alice (Force_MFA, signed in with MFA, so every part is
// open) clicks the side navigation's link on the dashboard; the clock stops when the access keys table shows her
// key, Create access key and Assign MFA device take clicks, and the main thread is free.
import type { Browser, Page } from '@playwright/test';
import type { Figure } from '../support/figure.ts';
import type { BenchStack } from '../support/stack.ts';

async function interactive(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'My security credentials' }).waitFor();
  await page.getByRole('rowheader', { name: /AKIA/ }).first().waitFor();
  for (const name of ['Create access key', 'Assign MFA device']) {
    const button = page.getByRole('button', { name, exact: true });
    await button.waitFor();
    while (!(await button.isEnabled())) await page.waitForTimeout(5);
  }
  // A frame, then a task: runs only once the render's long tasks are over, when a click would be handled.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * One sign-in for all samples (a demo MFA code is accepted once, so signing in again and again runs out of codes):
 * each sample opens a fresh context with its cookie.
 */
let signedIn: Promise<Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>> | undefined;

async function aliceSession(browser: Browser, stack: BenchStack) {
  const context = await browser.newContext({ baseURL: stack.url });
  try {
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByTestId('demo-alice').click();
    await page.getByRole('heading', { level: 1, name: 'IAM Dashboard' }).waitFor();
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export const selfServicePageInteractive: Figure = {
  name: 'self_service.page_interactive_ms',
  unit: 'ms',
  target: '<= 1000',
  async sample(browser: Browser, stack: BenchStack) {
    signedIn ??= aliceSession(browser, stack);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: stack.url, storageState: await signedIn });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'IAM Dashboard' }).waitFor();
      await page.waitForLoadState('networkidle');
      const start = performance.now();
      await page.getByRole('navigation').getByRole('link', { name: 'My security credentials' }).click();
      await interactive(page);
      return performance.now() - start;
    } finally {
      await context.close();
    }
  },
};
