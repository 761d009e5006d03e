#!/usr/bin/env node
// The policy-check bin: validates IAM policy files and prints findings (see the package README for the
// output format and exit codes).
import { readFileSync } from 'node:fs';
import { loadCatalogSync } from '../catalog/load-node.ts';
import { checkFiles } from './check-files.ts';

const run = checkFiles(process.argv.slice(2), {
  read: (file) => readFileSync(file === '-' ? 0 : file, 'utf8'),
  catalog() {
    try {
      return loadCatalogSync();
    } catch {
      return undefined;
    }
  },
});
if (run.stdout.length > 0) process.stdout.write(`${run.stdout.join('\n')}\n`);
if (run.stderr.length > 0) process.stderr.write(`${run.stderr.join('\n')}\n`);
process.exitCode = run.exitCode;
