// The suite drives Debian's Chromium (no browser download) against the real stack: the embedded IAM/STS
// endpoint, the BFF and the built SPA, started by global-setup.ts on a fresh data dir.
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const artifacts = join(import.meta.dirname, 'artifacts');

export default defineConfig({
  testDir: 'test',
  globalSetup: './global-setup.ts',
  outputDir: join(artifacts, 'test-results'),
  // One worker: the machine has two cores and the stack runs in the runner process beside the browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: join(artifacts, 'html-report'), open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
});
