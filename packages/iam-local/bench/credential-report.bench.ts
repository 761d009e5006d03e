// Credential report for 10,000 users through the SDK: GenerateCredentialReport until COMPLETE, then
// GetCredentialReport (the CSV, base64 on the wire). Each run uses a fresh account because a report is reused
// for 4 hours once generated; the 100-user account is the baseline.
import { GenerateCredentialReportCommand, GetCredentialReportCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { median, report, startBenchServer } from './bench-kit.ts';

const RUNS = 3;

interface Timing {
  /** Time spent inside the server's pipeline (as its call log measures it) for all calls of the run. */
  server: number;
  generate: number;
  get: number;
  ms: number;
  rows: number;
}

async function generateAndGet(users: number): Promise<Timing> {
  let server = 0;
  const bench = await startBenchServer('scale', users, (entry) => {
    server += entry.ms;
  });
  try {
    const iam = bench.iam();
    // A first call warms the client (connection, endpoint resolution) so only the report is timed.
    await iam.send(new GetUserCommand({}));
    server = 0;
    const start = performance.now();
    let state: string | undefined;
    for (let i = 0; i < 1000 && state !== 'COMPLETE'; i++) state = (await iam.send(new GenerateCredentialReportCommand({}))).State;
    const generated = performance.now();
    const got = await iam.send(new GetCredentialReportCommand({}));
    const end = performance.now();
    const rows = Buffer.from(got.Content ?? new Uint8Array()).toString('utf8').trim().split('\n').length - 1;
    return { server, generate: generated - start, get: end - generated, ms: end - start, rows };
  } finally {
    await bench.close();
  }
}

const small: Timing[] = [];
const large: Timing[] = [];
for (let run = 0; run < RUNS; run++) {
  small.push(await generateAndGet(100));
  large.push(await generateAndGet(10_000));
}
const rows = Math.min(...large.map((t) => t.rows));
if (rows < 10_000) throw new Error(`the report has ${rows} rows, expected at least 10,000 users`);
report('iam-local.credentialReport.generateAndGet.users100.median', median(small.map((t) => t.ms)), 'ms');
report('iam-local.credentialReport.generateAndGet.users10000.median', median(large.map((t) => t.ms)), 'ms', '<= 300');
// The split: generation, and the download (2.2 MB CSV as base64 in XML, parsed by the SDK); and the part of the
// whole that the server itself spends (the rest is the SDK client in this same process).
report('iam-local.credentialReport.generateAndGet.users10000.serverSide.median', median(large.map((t) => t.server)), 'ms', '<= 300');
report('iam-local.credentialReport.generate.users10000.median', median(large.map((t) => t.generate)), 'ms');
report('iam-local.credentialReport.get.users10000.median', median(large.map((t) => t.get)), 'ms');
