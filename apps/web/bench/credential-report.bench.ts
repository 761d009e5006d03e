// The Credential report page with 10,000 users in headless Chromium, on the local console seeded with
// `seed: 'scale'` (embedded endpoint + BFF serving dist/, in a child process), signed in as the seeded admin. The
// dashboard's security recommendations generate the report first, so every figure starts after generation completed:
// from the click on "Credential report" in the side navigation to the report's table showing its rows (the page's
// code, GET /api/credential-report with 2 MB of CSV, parsing in the Web Worker, findings, charts and the table),
// then typing a filter until the table shows its matches. One warm-up round is not counted; medians of BENCH_RUNS
// rounds (default 5). Needs `vite build` first and Chromium at /usr/bin/chromium (or CHROMIUM).
import { chromium, type Page } from 'playwright-core';
import { startScaleStack } from '../scripts/users-page/scale-stack.ts';
import { apiSettled } from '../scripts/users-page/timing.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const report = (name: string, value: number, unit = 'ms', target?: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value), unit, ...(target ? { target } : {}) }));

/** In the page: resolves with the ms from now until `selector` is in the document and painted. */
function whenShown(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        if (document.querySelector(wanted)) return done();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(wanted)) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    selector,
  );
}

interface Sample {
  toTable: number;
  apiReport: number;
  filter: number;
}

const stack = await startScaleStack();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function sample(): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const settled = apiSettled(page);
    await page.goto(`${stack.url}/`);
    await page.getByTestId('demo-admin').click();
    await page.getByRole('heading', { name: 'IAM Dashboard' }).waitFor();
    await settled();
    const shown = whenShown(page, '[data-testid="report-table"] tbody tr');
    await page.getByRole('navigation').getByRole('link', { name: 'Credential report', exact: true }).click();
    const toTable = await shown;
    const apiReport = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').findLast((e) => e.name.endsWith('/api/credential-report')) as PerformanceResourceTiming | undefined;
      return entry ? entry.responseEnd - entry.requestStart : Number.NaN;
    });
    const filter = page.getByPlaceholder('Filter the report, e.g. mfa_active = false');
    await filter.fill('mfa_active = false');
    const filtered = whenShown(page, '[data-testid="report-table"] [aria-label*="mfa_active"]');
    const start = performance.now();
    await filter.press('Enter');
    await filtered;
    return { toTable, apiReport, filter: performance.now() - start };
  } finally {
    await context.close();
  }
}

try {
  const samples: Sample[] = [];
  for (let round = 0; round <= RUNS; round++) {
    const s = await sample();
    if (round > 0) samples.push(s);
  }
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  report('web.credential_report_10k.navigation_to_table_ms', of('toTable'), 'ms', '<= 1000');
  report('web.credential_report_10k.api_credential_report_ms', of('apiReport'));
  report('web.credential_report_10k.filter_ms', of('filter'));
} finally {
  await browser.close();
  await stack.close();
}
