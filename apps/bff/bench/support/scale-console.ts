// Child process for benchmarks: the whole local console (embedded endpoint seeded with `seed: 'scale'`, i.e.
// 10,000 users plus an `admin` demo identity, and the BFF serving the built SPA) on free ports, with the
// production log level. Seeds on the first start of <data-dir> only. Prints { url, iamUrl, startMs } as JSON.
import { startLocalConsole } from '../../src/local.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: scale-console.ts <data-dir>');
const started = performance.now();
const local = await startLocalConsole({ dataDir, port: 0, seed: 'scale', env: process.env });
const startMs = Math.round(performance.now() - started);
process.stdout.write(`${JSON.stringify({ url: local.url, iamUrl: local.iamUrl, startMs })}\n`);
process.once('SIGTERM', () => void local.close().then(() => process.exit(0)));
