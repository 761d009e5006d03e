#!/usr/bin/env node
// `iam-local --port 4566 --data-dir ./.data [--seed demo|scale|none] [--users N] [--host 127.0.0.1] [--report-generation-ms 0] [--log]`
// Serves IAM and STS on 127.0.0.1; prints the endpoint URL and the shared credentials file to use.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataFileError } from '../model/db.ts';
import { startIamServer, type SeedKind } from '../server.ts';

const USAGE = 'usage: iam-local [--port 4566] [--data-dir ./.data] [--seed demo|scale|none] [--users 10000] [--host 127.0.0.1] [--report-generation-ms 0] [--log]';

function fail(message: string, code: number): never {
  process.stderr.write(`iam-local: ${message}\n`);
  process.exit(code);
}

function parseCommandLine() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '4566' },
        'data-dir': { type: 'string', default: './.data' },
        seed: { type: 'string', default: 'demo' },
        users: { type: 'string', default: '10000' },
        host: { type: 'string', default: '127.0.0.1' },
        'report-generation-ms': { type: 'string', default: '0' },
        log: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}"\n${USAGE}`, 2);
    const users = Number(values.users);
    if (!Number.isInteger(users) || users < 1) fail(`--users must be a positive integer, got "${values.users}"\n${USAGE}`, 2);
    if (!['demo', 'scale', 'none'].includes(values.seed)) fail(`--seed must be demo, scale or none, got "${values.seed}"\n${USAGE}`, 2);
    const reportMs = Number(values['report-generation-ms']);
    if (!Number.isInteger(reportMs) || reportMs < 0) fail(`--report-generation-ms must be a whole number ≥ 0, got "${values['report-generation-ms']}"\n${USAGE}`, 2);
    return { port, users, seed: values.seed as SeedKind, host: values.host, dataDir: resolve(values['data-dir']), log: values.log, reportMs };
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

const args = parseCommandLine();
let server: Awaited<ReturnType<typeof startIamServer>>;
try {
  server = await startIamServer({
    host: args.host,
    port: args.port,
    dataDir: args.dataDir,
    seed: args.seed,
    users: args.users,
    credentialReportGenerationMs: args.reportMs,
    // --log: one JSON line per call. Unexpected failures (500) are always reported, on stderr.
    log: (entry) => {
      if (args.log) process.stdout.write(`${JSON.stringify(entry)}\n`);
      else if (entry.error !== undefined) process.stderr.write(`${JSON.stringify(entry)}\n`);
    },
  });
} catch (error) {
  if (error instanceof DataFileError) fail(error.message, 1);
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') fail(`port ${args.port} on ${args.host} is already in use`, 1);
  fail(e.message ?? String(error), 1);
}

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`iam-local: ${signal}, shutting down\n`);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

// Printed last: whoever waits for these lines may signal us right away.
process.stdout.write(
  `iam-local: IAM and STS for account ${server.accountId} at ${server.url}${server.created ? ` (new account, seed: ${args.seed})` : ''}\n` +
    `iam-local: credentials file ${server.credentialsFile} (AWS_SHARED_CREDENTIALS_FILE; profile "root")\n`,
);
