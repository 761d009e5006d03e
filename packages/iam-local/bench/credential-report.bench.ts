// Credential report for 10,000 users through the SDK: GenerateCredentialReport until COMPLETE, then
// GetCredentialReport (the CSV, base64 on the wire). Each run uses a fresh account, so every Generate really builds
// the report (a report is otherwise reused for 4 hours); the 100-user account is the baseline.
import { Readable } from 'node:stream';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { XmlLargeBlob } from '../src/protocol/operation.ts';
import { renderSuccess } from '../src/protocol/xml.ts';
import { median, report, sample, startBenchServer } from './bench-kit.ts';

const RUNS = 5;

interface Timing {
  /** Time spent inside the server's pipeline (as its call log measures it) for all calls of the run. */
  server: number;
  generate: number;
  get: number;
  ms: number;
  /** CPU time of this process (server and SDK client) over the same span: what the work costs on a shared machine. */
  cpuMs: number;
  content: Buffer;
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
    const cpu = process.cpuUsage();
    const start = performance.now();
    let state: string | undefined;
    for (let i = 0; i < 1000 && state !== 'COMPLETE'; i++) state = (await iam.send(new GenerateCredentialReportCommand({}))).State;
    const generated = performance.now();
    const got = await iam.send(new GetCredentialReportCommand({}));
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    return {
      server,
      generate: generated - start,
      get: end - generated,
      ms: end - start,
      cpuMs: (used.user + used.system) / 1000,
      content: Buffer.from(got.Content ?? new Uint8Array()),
    };
  } finally {
    await bench.close();
  }
}

/** An SDK client answered with a fixed response body, so only the SDK's own work (XML parse, base64) is timed. */
function cannedClient(body: string): IAMClient {
  const bytes = Buffer.from(body);
  return new IAMClient({
    endpoint: 'http://127.0.0.1:9',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({ response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: Readable.from([bytes]) } }),
    },
  });
}

const small: Timing[] = [];
const large: Timing[] = [];
for (let run = 0; run < RUNS; run++) {
  small.push(await generateAndGet(100));
  large.push(await generateAndGet(10_000));
}
const content = (large[0] as Timing).content;
const rows = content.toString('utf8').trim().split('\n').length - 1;
if (rows < 10_000) throw new Error(`the report has ${rows} rows, expected at least 10,000 users`);
report('iam-local.credentialReport.generateAndGet.users100.median', median(small.map((t) => t.ms)), 'ms');
report('iam-local.credentialReport.generateAndGet.users10000.median', median(large.map((t) => t.ms)), 'ms', '<= 300');
// The split: generation, and the download (2.2 MB CSV as base64 in XML, parsed by the SDK); and the part of the
// whole that the server itself spends (the rest is the SDK client in this same process).
report('iam-local.credentialReport.generateAndGet.users10000.serverSide.median', median(large.map((t) => t.server)), 'ms', '<= 300');
report('iam-local.credentialReport.generate.users10000.median', median(large.map((t) => t.generate)), 'ms');
report('iam-local.credentialReport.get.users10000.median', median(large.map((t) => t.get)), 'ms');
// Wall time above includes waiting for a CPU when others load the machine; CPU time does not.
report('iam-local.credentialReport.generateAndGet.users10000.cpu.median', median(large.map((t) => t.cpuMs)), 'ms');

// Why Content travels in a CDATA section: the SDK alone, given the same 10,000-user response as AWS writes it (plain
// element text) and as this endpoint writes it.
const result = (blob: string | XmlLargeBlob) => ({ Content: blob, ReportFormat: 'text/csv', GeneratedTime: new Date() });
for (const [label, body] of [
  ['plainText', renderSuccess('iam', 'GetCredentialReport', result(content.toString('base64')), 'bench')],
  ['cdata', renderSuccess('iam', 'GetCredentialReport', result(new XmlLargeBlob(content)), 'bench')],
] as const) {
  const client = cannedClient(body);
  const times = await sample(async () => {
    const out = await client.send(new GetCredentialReportCommand({}));
    if (!out.Content || !Buffer.from(out.Content).equals(content)) throw new Error(`the SDK read a different report from the ${label} body`);
  }, 5, 1);
  client.destroy();
  report(`iam-local.credentialReport.sdkParse.users10000.${label}.median`, median(times), 'ms');
}
