// Child process for benchmarks: the embedded endpoint on a free port; prints { url, credentialsFile } as JSON.
import { startIamServer } from '@iam-console/iam-local/server.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: endpoint.ts <data-dir>');
const server = await startIamServer({ dataDir, port: 0, seed: 'none' });
process.stdout.write(`${JSON.stringify({ url: server.url, credentialsFile: server.credentialsFile })}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
