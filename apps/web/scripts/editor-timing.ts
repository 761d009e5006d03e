// The policy editor in headless Chromium, on the built SPA served with a stubbed API (scripts/users-page/
// spa-only-server.ts): whether any editor code is fetched before an editor route opens (from the network log),
// then, on Create policy with a 6 KB policy, keystroke to updated markers (a key that makes the Effect invalid,
// and the Backspace that makes it valid again, until the error squiggle appears or goes) and Ctrl+Space to the
// completion rows on screen (Monaco shows the list at once; its `visible` class, which no style uses, follows 100 ms
// later, so it is not what is waited for). Medians of BENCH_RUNS keystrokes (default 21) after 3 warm-ups. Prints
// one JSON line per figure. Needs `vite build` first and Chromium at /usr/bin/chromium (or CHROMIUM).
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startSpaOnlyServer } from './users-page/spa-only-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = 3;
const dist = process.env.WEB_DIST ?? join(import.meta.dirname, '..', 'dist');
/** Files that only editor routes may load. */
const EDITOR_FILES = /\/assets\/(policy-editor|policy-diff|editor\.worker|policy-worker|catalog|codicon)[^/]*$/;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const report = (name: string, value: number, unit: string, target?: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...(target ? { target } : {}) }));

/** About 6 KB of JSON, one element per line, with no error (read-only actions on named buckets). */
function sixKilobytePolicy(): string {
  const statements: string[] = [];
  for (let i = 0; statements.join(',\n').length < 5_950; i++) {
    statements.push(`    {
      "Sid": "ReadReports${i}",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::reports-${i}", "arn:aws:s3:::reports-${i}/*"]
    }`);
  }
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}`;
}

/** What a keystroke waits for: an error squiggle drawn or gone, or completion rows on screen. */
type Outcome = 'squiggle' | 'no-squiggle' | 'suggestions' | 'no-suggestions';

/** Runs in the page. The suggest widget is on screen once shown (its `visible` class only follows 100 ms later). */
function holds(outcome: Outcome): boolean {
  const squiggle = !!document.querySelector('.squiggly-error');
  const widget = document.querySelector<HTMLElement>('.suggest-widget');
  const row = widget?.querySelector('.monaco-list-row');
  const style = widget ? getComputedStyle(widget) : undefined;
  const suggestions = !!(row && style && style.display !== 'none' && style.visibility !== 'hidden' && widget!.getBoundingClientRect().top >= 0 && row.getBoundingClientRect().height > 0);
  return { squiggle, 'no-squiggle': !squiggle, suggestions, 'no-suggestions': !suggestions }[outcome];
}

/** Milliseconds from the next keydown until `outcome` holds (checked on every change of the page). */
async function timeKey(page: Page, key: string, outcome: Outcome): Promise<number> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { editorTiming?: Promise<number>; editorHolds: (o: string) => boolean };
    w.editorTiming = new Promise<number>((resolve) => {
      let start = 0;
      window.addEventListener('keydown', () => { start = performance.now(); }, { once: true, capture: true });
      const observer = new MutationObserver(() => {
        if (start && w.editorHolds(wanted)) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, outcome);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { editorTiming: Promise<number> }).editorTiming);
}

const server = await startSpaOnlyServer(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));

  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'IAM Dashboard' }).waitFor();
  await page.waitForLoadState('networkidle');
  const early = fetched.filter((path) => EDITOR_FILES.test(path));
  report('web.editor.chunks_before_editor_route', early.length, 'count', '<= 0');
  if (early.length) console.error(`Editor files fetched before an editor route: ${early.join(', ')}`);

  await page.goto(`${server.url}/policies/create`);
  await page.locator('.monaco-editor').waitFor();
  // The page's check of an outcome, defined once (a string, so it carries no closure).
  await page.evaluate(`window.editorHolds = ${holds.toString()}`);
  const editorChunk = fetched.some((path) => /\/assets\/policy-editor-[^/]*\.js$/.test(path));
  report('web.editor.chunk_loaded_on_editor_route', editorChunk ? 1 : 0, 'count', '>= 1');
  const input = page.getByRole('textbox', { name: 'Policy document' });
  await input.focus();
  await page.keyboard.press('Control+A');
  const policy = sixKilobytePolicy();
  await input.evaluate((area, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, policy);
  // The catalog's checks have run once the panel settles with no error.
  await page.getByRole('tab', { name: 'Errors: 0' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.squiggly-error').length === 0);
  report('web.editor.policy_size', policy.length, 'bytes');

  // The cursor goes inside the first "Allow" (line 6): a key makes it invalid, Backspace valid again.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const keystrokes: number[] = [];
  for (let run = 0; run < RUNS + WARMUP; run++) {
    const broken = await timeKey(page, 'x', 'squiggle');
    const fixed = await timeKey(page, 'Backspace', 'no-squiggle');
    if (run >= WARMUP) keystrokes.push(broken, fixed);
  }
  report('web.editor.keystroke_to_markers_ms', median(keystrokes), 'ms', '<= 50');

  // Ctrl+Space inside an Action string ("s3:Get|Object" on line 7).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  const line = policy.split('\n')[6] ?? '';
  const column = line.indexOf('s3:Get') + 's3:Get'.length;
  for (let i = 0; i < line.length - column; i++) await page.keyboard.press('ArrowLeft');
  const completions: number[] = [];
  for (let run = 0; run < RUNS + WARMUP; run++) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as { editorHolds: (o: string) => boolean }).editorHolds('no-suggestions'));
    const shown = await timeKey(page, 'Control+Space', 'suggestions');
    if (run >= WARMUP) completions.push(shown);
  }
  report('web.editor.completion_shown_ms', median(completions), 'ms', '<= 100');
} finally {
  await browser.close();
  server.close();
}
