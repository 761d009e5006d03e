// What a Users page sample measures, the same way on both targets (real stack and SPA-only): side-navigation
// click to an interactive table, a full load of /users, and sorting, paging and filtering the 10,001 rows.
import type { Page, Request } from 'playwright-core';

export interface UsersPageSample {
  /** Click on "Users" in the side navigation until the table is interactive. */
  navigation: number;
  /** The browser's own timing of GET /api/users during that navigation (request start to response end). */
  apiUsers: number;
  /** page.goto('/users') (session check, entry and route chunks, the list) until the table is interactive. */
  reload: number;
  sort: number;
  nextPage: number;
  filter: number;
}

/**
 * Resolves once no /api/ request has been in flight for `quietMs`: the dashboard's own calls (on the real stack a
 * credential report over 10,000 users) must not overlap the navigation being measured.
 */
export function apiSettled(page: Page): (quietMs?: number, timeoutMs?: number) => Promise<void> {
  let inFlight = 0;
  let lastChange = performance.now();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  const change = (delta: number) => (request: Request) => {
    if (!isApi(request)) return;
    inFlight += delta;
    lastChange = performance.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
  return async (quietMs = 250, timeoutMs = 120_000) => {
    const deadline = performance.now() + timeoutMs;
    while (inFlight > 0 || performance.now() - lastChange < quietMs) {
      if (performance.now() > deadline) throw new Error(`API calls still in flight after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
}

/** Interactive: the first sorted row is rendered, the filter input takes input, and the main thread is free again. */
async function tableInteractive(page: Page): Promise<void> {
  await page.locator('table').getByRole('link', { name: 'admin', exact: true }).waitFor();
  const filter = page.getByPlaceholder('Find users');
  await filter.waitFor();
  while (!(await filter.isEditable())) await page.waitForTimeout(10);
  // A frame, then a task: only runs once the render's long tasks are over, i.e. when typing would be handled.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Takes one sample from a signed-in page showing the dashboard, with its API calls settled. */
export async function sampleUsersPage(page: Page, base: string): Promise<UsersPageSample> {
  const row = (name: string) => page.locator('table').getByRole('link', { name, exact: true }).waitFor();
  const navigation = await timed(async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).first().click();
    await tableInteractive(page);
  });
  const apiUsers = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').findLast((e) => new URL(e.name).pathname === '/api/users') as PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd - entry.startTime : Number.NaN;
  });
  const reload = await timed(async () => {
    await page.goto(`${base}/users`);
    await tableInteractive(page);
  });
  // The sticky header has a copy of the column headers on top; trigger the sort control directly.
  const sort = await timed(async () => {
    await page.locator('[data-focus-id="sorting-control-userName"]').first().dispatchEvent('click');
    await row('user-10000');
  });
  const nextPage = await timed(async () => {
    await page.getByRole('button', { name: /next page/i }).first().click();
    await row('user-09975');
  });
  // Free text over every filtering property of the full list.
  const filter = await timed(async () => {
    const input = page.getByPlaceholder('Find users');
    await input.fill('user-0999');
    await input.press('Enter');
    await page.getByText('10 matches').first().waitFor();
  });
  return { navigation, apiUsers, reload, sort, nextPage, filter };
}
