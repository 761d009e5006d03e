// Starts three stacks on fresh temporary data dirs: the main one with normal timeouts, one whose sessions
// go idle after 6 s for the expiry test, and one for the auditor spec alone (its account has never had a
// credential report, which the main stack's dashboard visits would otherwise have generated). Tests find them through E2E_* environment variables, which
// Playwright passes from here to its workers. The returned function is Playwright's global teardown.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalConsole, type LocalConsole } from '@iam-console/bff/local.ts';
import { SCREENSHOT_DIR, STACK_ENV } from './test/support/stack.ts';

const webDist = join(import.meta.dirname, '..', 'apps', 'web', 'dist', 'index.html');

async function startStack(label: string, env: NodeJS.ProcessEnv, credentialReportGenerationMs = 0): Promise<{ stack: LocalConsole; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), `iam-console-e2e-${label}-`));
  const stack = await startLocalConsole({
    dataDir,
    port: 0,
    seed: 'demo',
    credentialReportGenerationMs,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  return { stack, dataDir };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(webDist)) {
    throw new Error(`The SPA is not built (${webDist} is missing): run pnpm --filter @iam-console/web run build first.`);
  }
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const main = await startStack('main', {});
  const started = [main];
  const startAlso = async (...args: Parameters<typeof startStack>) => {
    try {
      const one = await startStack(...args);
      started.push(one);
      return one;
    } catch (error) {
      for (const { stack } of started) await stack.close();
      throw error;
    }
  };
  const shortIdle = await startAlso('short-idle', { SESSION_IDLE_MINUTES: '0.1' });
  // As on AWS, a credential report takes a moment to generate: the auditor spec watches STARTED → INPROGRESS → COMPLETE.
  const reports = await startAlso('reports', {}, 2500);
  process.env[STACK_ENV.baseUrl] = main.stack.url;
  process.env[STACK_ENV.iamUrl] = main.stack.iamUrl;
  process.env[STACK_ENV.credentialsFile] = main.stack.credentialsFile;
  process.env[STACK_ENV.accountId] = main.stack.accountId;
  process.env[STACK_ENV.shortIdleUrl] = shortIdle.stack.url;
  process.env[STACK_ENV.reportsUrl] = reports.stack.url;
  process.env[STACK_ENV.reportsIamUrl] = reports.stack.iamUrl;
  process.env[STACK_ENV.reportsCredentialsFile] = reports.stack.credentialsFile;
  return async () => {
    for (const { stack, dataDir } of started) {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
