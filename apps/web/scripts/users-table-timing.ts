// The Users page with 10,000 users in headless Chromium, on two targets in the same run, alternating so background
// load on the shared cores hits both alike:
//  - real: the local console seeded with `seed: 'scale'` (embedded endpoint + BFF serving dist/), signed in as the
//    seeded admin through the sign-in page — the figure with a target (navigation to table <= 1500 ms);
//  - spa_only: the same build from a static server answering the API with canned JSON — the page's own cost.
// Their difference is the share of the BFF and the endpoint (both go over loopback HTTP). One warm-up round is not counted; the
// figures are medians of BENCH_RUNS rounds (default 5). Prints one JSON line per figure. Needs `vite build` first
// and Chromium at /usr/bin/chromium (or CHROMIUM).
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSpaOnlyServer } from './users-page/spa-only-server.ts';
import { startScaleStack } from './users-page/scale-stack.ts';
import { apiSettled, sampleUsersPage, type UsersPageSample } from './users-page/timing.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dist = join(import.meta.dirname, '..', 'dist');

interface Target {
  base: string;
  /** Opens the dashboard as a signed-in admin. */
  open(page: Page): Promise<void>;
}

async function sample(browser: Browser, target: Target): Promise<UsersPageSample> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const settled = apiSettled(page);
    await target.open(page);
    await page.getByRole('heading', { name: 'IAM Dashboard' }).waitFor();
    await settled();
    return await sampleUsersPage(page, target.base);
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const report = (name: string, value: number, unit = 'ms', target?: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value), unit, ...(target ? { target } : {}) }));

const stack = await startScaleStack();
const spa = await startSpaOnlyServer(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const real: Target = {
    base: stack.url,
    async open(page) {
      await page.goto(`${stack.url}/`);
      await page.getByTestId('demo-admin').click();
    },
  };
  const spaOnly: Target = {
    base: spa.url,
    async open(page) {
      await page.goto(`${spa.url}/`);
    },
  };
  const samples = { real: [] as UsersPageSample[], spaOnly: [] as UsersPageSample[] };
  for (let round = 0; round <= RUNS; round++) {
    const realSample = await sample(browser, real);
    const spaSample = await sample(browser, spaOnly);
    if (round === 0) continue;
    samples.real.push(realSample);
    samples.spaOnly.push(spaSample);
  }
  const of = (list: UsersPageSample[], key: keyof UsersPageSample) => median(list.map((s) => s[key]));
  report('web.users_10k.navigation_to_table_ms', of(samples.real, 'navigation'), 'ms', '<= 1500');
  report('web.users_10k.api_users_ms', of(samples.real, 'apiUsers'));
  report('web.users_10k.reload_to_table_ms', of(samples.real, 'reload'));
  report('web.users_10k.filter_ms', of(samples.real, 'filter'));
  report('web.users_10k.sort_ms', of(samples.real, 'sort'));
  report('web.users_10k.next_page_ms', of(samples.real, 'nextPage'));
  report('web.users_10k.spa_only.navigation_to_table_ms', of(samples.spaOnly, 'navigation'));
  report('web.users_10k.spa_only.reload_to_table_ms', of(samples.spaOnly, 'reload'));
  report('web.users_10k.network_bff_share_ms', of(samples.real, 'navigation') - of(samples.spaOnly, 'navigation'));
  report('web.users_10k.seed_and_start_ms', stack.startMs);
} finally {
  await browser.close();
  spa.close();
  await stack.close();
}
