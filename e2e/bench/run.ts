// `pnpm bench:self-service`: figures of the self-service pages in headless Chromium (/usr/bin/chromium, or
// CHROMIUM) against the real stack (the demo console, the built SPA). Each figure is a module
// in ./figures; add one to FIGURES to measure it too. BENCH_RUNS rounds per figure (default 5) after a warm-up.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { selfServicePageInteractive } from './figures/self-service-page.ts';
import { switchRoleRoundTrip } from './figures/switch-role.ts';
import { measure, type Figure } from './support/figure.ts';
import { startDemoStack } from './support/stack.ts';

const FIGURES: Figure[] = [selfServicePageInteractive];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const dist = join(import.meta.dirname, '..', '..', 'apps', 'web', 'dist', 'index.html');
if (!existsSync(dist)) throw new Error(`The SPA is not built (${dist} is missing): run pnpm --filter @iam-console/web run build first.`);

const stack = await startDemoStack();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const figure of FIGURES) await measure(figure, browser, stack, RUNS);
  // Not in the browser: the BFF's switch-role round trip and its SDK baseline, two lines.
  await switchRoleRoundTrip(stack);
} finally {
  await browser.close();
  await stack.close();
}
