// Runs every bench/*.bench.ts of this package in turn; each prints one JSON line per figure.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = import.meta.dirname;
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const result = spawnSync(process.execPath, ['--expose-gc', `${dir}/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
