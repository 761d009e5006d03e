// The real embedded IAM/STS endpoint (packages/iam-local), in-process on a random port with a temp
// data dir; the BFF reaches it over HTTP through the SDK exactly as it would reach AWS.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { startIamServer } from '@iam-console/iam-local/server.ts';
import type { IamServerOptions, SeedKind } from '@iam-console/iam-local/server.ts';
import { createAwsClientFactory } from '../../src/aws/clients.ts';
import type { AwsClientFactory } from '../../src/aws/clients.ts';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Endpoint {
  url: string;
  accountId: string;
  dataDir: string;
  /** The AWS shared credentials file the seed wrote (a `root` profile, and one per seeded identity). */
  credentialsFile: string;
  rootKeys: Keys;
  makeClients: AwsClientFactory;
  iamAs(keys: Keys): IAMClient;
  close(): Promise<void>;
}

/** Reads one profile from an AWS shared credentials file (INI). */
export function readProfile(file: string, name: string): Keys {
  const text = readFileSync(file, 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${name}]`));
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(section ?? '')?.[1];
  const accessKeyId = value('aws_access_key_id');
  const secretAccessKey = value('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) throw new Error(`no profile ${name} in ${file}`);
  return { accessKeyId, secretAccessKey };
}

export async function startEndpoint(seed: SeedKind = 'none', options: Partial<IamServerOptions> = {}): Promise<Endpoint> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bff-iam-local-'));
  const server = await startIamServer({ ...options, dataDir, port: 0, seed });
  const rootKeys = readProfile(server.credentialsFile, 'root');
  const clients: IAMClient[] = [];
  return {
    url: server.url,
    accountId: server.accountId,
    dataDir,
    credentialsFile: server.credentialsFile,
    rootKeys,
    makeClients: createAwsClientFactory({ region: 'us-east-1', iamEndpoint: server.url, stsEndpoint: server.url }),
    iamAs(keys) {
      const client = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
