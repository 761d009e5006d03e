// The suite's `test`: Playwright's, pointed at the main stack, with helpers every spec needs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { signInWithApi } from './bff-api.ts';
import { SCREENSHOT_DIR, stack } from './stack.ts';

export type DemoId = 'admin' | 'alice' | 'bob' | 'auditor';

/**
 * Full-page screenshot kept in artifacts/screenshots (looked at by a person, not compared). The viewport is
 * grown to the page's height and restored instead of using `fullPage`: Chromium's capture beyond the viewport
 * resizes the layout in a way that makes Cloudscape's AppLayout close the side navigation now and then.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (!viewport || height <= viewport.height) {
    await page.screenshot({ path, animations: 'disabled' });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** One click on a demo identity of the sign-in page; resolves once the console shell shows who signed in. */
export async function signInAsDemo(page: Page, id: DemoId, options: { path?: string } = {}): Promise<void> {
  await page.goto(`/signin${options.path ? `?next=${encodeURIComponent(options.path)}` : ''}`);
  await page.getByTestId(`demo-${id}`).click();
  await expect(page).not.toHaveURL(/\/signin/);
  await expect(page.getByRole('button', { name: new RegExp(`^${id}\\b`) })).toBeVisible();
}

/**
 * Signs the browser context in through the BFF API (same cookie jar as the page), then opens `path`: for
 * tests about something other than the sign-in page, this skips rendering it.
 */
export async function openSignedIn(page: Page, id: DemoId, path = '/'): Promise<void> {
  await signInWithApi(page.request, id);
  await page.goto(path);
  await expect(page.getByRole('button', { name: new RegExp(`^${id}\\b`) })).toBeVisible();
}

/** The visible heading of the page content (Cloudscape also renders hidden copies of some text). */
export function pageHeading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

/**
 * The error alert (Cloudscape renders alerts as groups with an "Error" icon) whose text contains `text`.
 * Ancestors match too; the last match in document order is the alert itself.
 */
export function errorAlert(page: Page, text: string | RegExp) {
  return page.getByRole('group').filter({ has: page.getByRole('img', { name: 'Error' }) }).filter({ hasText: text }).last();
}

export const test = base.extend<{ pageProblems: string[] }>({
  baseURL: async ({}, use) => {
    await use(stack.baseUrl);
  },
  // Every test fails on an uncaught error in the page, a Content-Security-Policy violation or a Permissions-Policy
  // feature the browser does not know: the CSP must allow exactly what the SPA needs, the headers must be ones the
  // browser reads, and a console that throws is broken even when the text looks right.
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
        // Chromium reports a Permissions-Policy feature it does not know as a warning: the header is then wrong.
        if (/Permissions-Policy/i.test(message.text())) problems.push(`Permissions-Policy: ${message.text()}`);
      });
      await use(problems);
      expect(problems, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
