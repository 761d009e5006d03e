// `pnpm --filter @iam-console/bff start:local [data-dir]`: the console on the embedded endpoint.
import { resolve } from 'node:path';
import { startLocalConsole } from './local.ts';

const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? '.data');
const local = await startLocalConsole({ dataDir, env: process.env });
console.log(`IAM console: ${local.url}`);
console.log(`Embedded IAM/STS endpoint: ${local.iamUrl} (account ${local.accountId})`);
console.log(local.demoIdentitiesFile
  ? 'Sign in with one of the demo identities offered on the sign-in page.'
  : `Sign in with the root access key in ${local.credentialsFile} (profile "root").`);
console.log(`AWS CLI: AWS_SHARED_CREDENTIALS_FILE=${local.credentialsFile} aws --endpoint-url ${local.iamUrl} iam list-users --profile root`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void local.close().then(() => process.exit(0)));
}
