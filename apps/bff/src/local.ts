// Local mode in one process: the embedded IAM/STS endpoint (seeded with the demo account on first
// start) and the console BFF pointed at it, with the seeded identities offered as demo sign-ins.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startIamServer } from '@iam-console/iam-local/server.ts';
import type { SeedKind } from '@iam-console/iam-local/server.ts';
import { loadConfig } from './config.ts';
import { startConsole } from './bootstrap.ts';

export interface LocalConsoleOptions {
  /** Holds `iam/` (the endpoint's account) and `bff/` (sessions, audit log, key). */
  dataDir: string;
  host?: string;
  /** Console port; 0 picks a free one. */
  port?: number;
  /** Endpoint port; 0 (default) picks a free one. */
  iamPort?: number;
  seed?: SeedKind;
  /** How long the endpoint takes to generate a credential report (default 0: at once; see iam-local's README). */
  credentialReportGenerationMs?: number;
  /** Other configuration (see config.ts), e.g. STATIC_DIR, LOG_LEVEL, SESSION_IDLE_MINUTES. */
  env?: NodeJS.ProcessEnv;
}

export interface LocalConsole {
  url: string;
  iamUrl: string;
  accountId: string;
  /** AWS shared credentials file of the seeded identities (`root` profile at least). */
  credentialsFile: string;
  /** demo-identities.json when the seed wrote one. */
  demoIdentitiesFile: string | undefined;
  close(): Promise<void>;
}

export async function startLocalConsole(options: LocalConsoleOptions): Promise<LocalConsole> {
  const iamDir = join(options.dataDir, 'iam');
  mkdirSync(iamDir, { recursive: true });
  const iam = await startIamServer({
    dataDir: iamDir,
    port: options.iamPort ?? 0,
    seed: options.seed ?? 'demo',
    ...(options.credentialReportGenerationMs ? { credentialReportGenerationMs: options.credentialReportGenerationMs } : {}),
  });
  const demoFile = join(iamDir, 'demo-identities.json');
  const demoIdentitiesFile = existsSync(demoFile) ? demoFile : undefined;
  try {
    const config = loadConfig({
      ...(options.env ?? process.env),
      DATA_DIR: join(options.dataDir, 'bff'),
      HOST: options.host ?? options.env?.HOST ?? '127.0.0.1',
      PORT: String(options.port ?? options.env?.PORT ?? 8080),
      AWS_ENDPOINT_URL_IAM: iam.url,
      AWS_ENDPOINT_URL_STS: iam.url,
      IAM_CONSOLE_LOCAL_DEMO: demoIdentitiesFile ?? '',
    });
    const running = await startConsole(config);
    return {
      url: running.url,
      iamUrl: iam.url,
      accountId: iam.accountId,
      credentialsFile: iam.credentialsFile,
      demoIdentitiesFile,
      async close() {
        await running.close();
        await iam.close();
      },
    };
  } catch (error) {
    await iam.close();
    throw error;
  }
}
