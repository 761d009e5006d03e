// Measures the Users page with 10,000 users in headless Chromium, the SPA alone: the built app is served
// from dist/ and the BFF's answers are stubbed in the browser, so the figures are the page's own cost
// (route chunk, JSON parse, client-side collection, first render) — not the endpoint's or the BFF's.
// Prints one JSON line per figure. Needs `vite build` first and Chromium at /usr/bin/chromium (or CHROMIUM).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const USERS = 10_000;
const dist = join(import.meta.dirname, '..', 'dist');
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.woff2': 'font/woff2', '.json': 'application/json' };

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const day = 86_400_000;
const users = Array.from({ length: USERS }, (_, i) => ({
  userName: `user-${String(i).padStart(5, '0')}`,
  userId: `AIDA${String(i).padStart(17, '0')}`,
  arn: `arn:aws:iam::123456789012:user/${i % 10 === 0 ? 'service/' : ''}user-${String(i).padStart(5, '0')}`,
  path: i % 10 === 0 ? '/service/' : '/',
  createDate: new Date(Date.UTC(2024, 0, 1) + (i % 700) * day).toISOString(),
  ...(i % 3 === 0 ? { passwordLastUsed: new Date(Date.UTC(2026, 0, 1) + (i % 300) * day).toISOString() } : {}),
}));
const usersBody = JSON.stringify({ items: users });
const session = {
  signedIn: true,
  csrfToken: 'bench',
  localMode: true,
  identity: { arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', userId: 'AIDAADMIN', type: 'user', userName: 'admin' },
  mfaAuthenticated: false,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  idleExpiresAt: new Date(Date.now() + 1800_000).toISOString(),
};

async function stubApi(page: Page) {
  await page.route('**/api/**', async (route) => {
    const url = new URL(route.request().url());
    const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });
    switch (url.pathname) {
      case '/api/session':
        return json(200, session);
      case '/api/users':
        return json(200, usersBody);
      case '/api/account':
        return json(200, { accountId: '123456789012', alias: null, summary: { Users: USERS } });
      case '/api/account/security-recommendations':
        return json(200, { items: [] });
      default:
        return json(404, { error: { message: 'Not stubbed', code: 'NotFound', status: 404 } });
    }
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = (name: string, value: number, target?: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value), unit: 'ms', ...(target ? { target } : {}) }));

try {
  const samples = { visible: [] as number[], filter: [] as number[], sort: [] as number[], page: [] as number[] };
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await stubApi(page);
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'IAM Dashboard' }).waitFor();

    // Navigation to interactive: click "Users" in the side navigation until the first page of rows is shown.
    let start = performance.now();
    await page.getByRole('link', { name: 'Users', exact: true }).first().click();
    await page.getByRole('link', { name: 'user-00000', exact: true }).waitFor();
    samples.visible.push(performance.now() - start);

    // Sorting 10,000 rows by name, descending.
    start = performance.now();
    // The sticky header has a copy of the column headers on top; trigger the sort control directly.
    await page.locator('[data-focus-id="sorting-control-userName"]').first().dispatchEvent('click');
    await page.getByRole('link', { name: 'user-09999', exact: true }).waitFor();
    samples.sort.push(performance.now() - start);

    // Next page.
    start = performance.now();
    await page.getByRole('button', { name: /next page/i }).first().click();
    await page.getByRole('link', { name: 'user-09974', exact: true }).waitFor();
    samples.page.push(performance.now() - start);
    // Filtering the full list (free text over every filtering property).
    const filter = page.getByPlaceholder('Find users');
    start = performance.now();
    await filter.fill('user-0999');
    await filter.press('Enter');
    await page.getByText('10 matches').first().waitFor();
    samples.filter.push(performance.now() - start);

    await context.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  report('web.users_10k.navigation_to_table_ms', median(samples.visible), '<= 1500');
  report('web.users_10k.filter_ms', median(samples.filter));
  report('web.users_10k.sort_ms', median(samples.sort));
  report('web.users_10k.next_page_ms', median(samples.page));
} finally {
  await browser.close();
  server.close();
}
