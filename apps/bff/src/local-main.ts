// `pnpm --filter @iam-console/bff start:local [data-dir]` (and `./console.sh start`): the console on the
// embedded endpoint, seeded with the demo account on first start. PORT (default 8080) and the other
// settings of config.ts come from the environment.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DemoIdentitiesFile } from '@iam-console/iam-local/seed/demo-identities.ts';
import { startLocalConsole } from './local.ts';

const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? '.data');
const local = await startLocalConsole({ dataDir, env: process.env });

function signInLines(): string[] {
  if (!local.demoIdentitiesFile) {
    return [`Sign in with the root access key in ${local.credentialsFile} (profile "root").`];
  }
  const demo = JSON.parse(readFileSync(local.demoIdentitiesFile, 'utf8')) as DemoIdentitiesFile;
  return [
    'Sign in: open the URL and pick one of the demo identities on the sign-in page (one click), e.g.',
    ...demo.identities.map((identity) => `  - ${identity.label}: ${identity.description}`),
    `Or enter an access key pair yourself: every identity has a profile in ${local.credentialsFile}.`,
  ];
}

/** A CLI line that works as printed: the config file beside the credentials carries the region, else the flag does. */
function awsCliLine(): string {
  const configFile = join(dirname(local.credentialsFile), 'config');
  const files = `AWS_SHARED_CREDENTIALS_FILE=${local.credentialsFile}`;
  return existsSync(configFile)
    ? `${files} AWS_CONFIG_FILE=${configFile} aws --endpoint-url ${local.iamUrl} iam list-users --profile root`
    : `${files} aws --endpoint-url ${local.iamUrl} --region us-east-1 iam list-users --profile root`;
}

console.log([
  '',
  `IAM console is running: ${local.url}`,
  '',
  ...signInLines(),
  '',
  `Embedded IAM/STS endpoint: ${local.iamUrl} (account ${local.accountId}), data in ${dataDir}`,
  `AWS CLI: ${awsCliLine()}`,
  'Stop with Ctrl+C.',
  '',
].join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void local.close().then(() => process.exit(0)));
}
