// Starts the endpoint on a random port with a fresh temp data directory and hands out SDK clients signed with
// the root credentials (or any other keys). Every test file that talks HTTP starts here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { getAccount } from '../../src/model/account.ts';
import { startIamServer, type IamServer, type IamServerOptions } from '../../src/server.ts';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface TestServer {
  server: IamServer;
  url: string;
  accountId: string;
  dataDir: string;
  rootKeys: Keys;
  /** Clients signed with the root user's access key. */
  iam: IAMClient;
  sts: STSClient;
  iamAs(keys: Keys): IAMClient;
  stsAs(keys: Keys): STSClient;
  /** Stops the server and deletes the data directory (unless `keepData`). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export type TestServerOptions = Partial<Omit<IamServerOptions, 'dataDir'>> & { dataDir?: string };

function clientConfig(url: string, keys: Keys) {
  return {
    endpoint: url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
    },
    // Tests assert on the first answer; retries would hide failures and slow failure paths.
    maxAttempts: 1,
  };
}

export function iamClientFor(url: string, keys: Keys): IAMClient {
  return new IAMClient(clientConfig(url, keys));
}

export function stsClientFor(url: string, keys: Keys): STSClient {
  return new STSClient(clientConfig(url, keys));
}

/** A fresh endpoint with an empty account (`seed: 'none'` unless asked otherwise). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'iam-local-test-'));
  const server = await startIamServer({ seed: 'none', ...options, dataDir, port: options.port ?? 0 });
  const root = getAccount(server.state.db)?.rootAccessKey;
  if (!root) throw new Error('the new account has no active root access key');
  const rootKeys: Keys = { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey };
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    server,
    url: server.url,
    accountId: server.accountId,
    dataDir,
    rootKeys,
    iam: track(iamClientFor(server.url, rootKeys)),
    sts: track(stsClientFor(server.url, rootKeys)),
    iamAs: (keys) => track(iamClientFor(server.url, keys)),
    stsAs: (keys) => track(stsClientFor(server.url, keys)),
    async close(closeOptions = {}) {
      for (const client of clients) client.destroy();
      await server.close();
      if (!closeOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
