// Credential report for 10,000 users through the SDK: GenerateCredentialReport until COMPLETE, then
// GetCredentialReport (the CSV, base64 on the wire). Each run uses a fresh account because a report is reused
// for 4 hours once generated; the 100-user account is the baseline.
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { median, report, startBenchServer } from './bench-kit.ts';

const RUNS = 3;

async function generateAndGet(users: number): Promise<{ ms: number; rows: number }> {
  const bench = await startBenchServer('scale', users);
  try {
    const iam = bench.iam();
    const start = performance.now();
    let state: string | undefined;
    for (let i = 0; i < 1000 && state !== 'COMPLETE'; i++) state = (await iam.send(new GenerateCredentialReportCommand({}))).State;
    const got = await iam.send(new GetCredentialReportCommand({}));
    const ms = performance.now() - start;
    const rows = Buffer.from(got.Content ?? new Uint8Array()).toString('utf8').trim().split('\n').length - 1;
    return { ms, rows };
  } finally {
    await bench.close();
  }
}

const small: number[] = [];
const large: number[] = [];
let rows = 0;
for (let run = 0; run < RUNS; run++) {
  small.push((await generateAndGet(100)).ms);
  const result = await generateAndGet(10_000);
  large.push(result.ms);
  rows = result.rows;
}
if (rows < 10_000) throw new Error(`the report has ${rows} rows, expected at least 10,000 users`);
report('iam-local.credentialReport.generateAndGet.users100.median', median(small), 'ms');
report('iam-local.credentialReport.generateAndGet.users10000.median', median(large), 'ms', '<= 300');
