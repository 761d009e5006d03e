// Fails when a package the console needs at run time (production dependencies of every workspace
// package, transitively) is GPL or AGPL licensed or declares no licence. Dev-only tools such as the
// AGPL @cloud-copilot/iam-simulate oracle are allowed: they never ship. Run by `pnpm test`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ListedPackage {
  version?: string;
  path: string;
  dependencies?: Record<string, ListedPackage>;
}

// GPL and AGPL in any version or SPDX spelling; LGPL is not matched (dynamic linking is fine for us).
const forbidden = /(^|[^L])GPL/i;

const workspaces = JSON.parse(
  execFileSync('pnpm', ['-r', 'list', '--prod', '--json', '--depth', 'Infinity'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
) as ListedPackage[];

const licences = new Map<string, string>();
const visit = (deps: Record<string, ListedPackage> | undefined) => {
  for (const [name, dep] of Object.entries(deps ?? {})) {
    const id = `${name}@${dep.version ?? '?'}`;
    if (licences.has(id)) continue;
    const manifest = JSON.parse(readFileSync(join(dep.path, 'package.json'), 'utf8')) as { license?: unknown; licenses?: unknown };
    const declared = manifest.license ?? manifest.licenses;
    licences.set(id, typeof declared === 'string' ? declared : declared ? JSON.stringify(declared) : '');
    visit(dep.dependencies);
  }
};
for (const workspace of workspaces) visit(workspace.dependencies);

const refused = [...licences].filter(([, licence]) => licence === '' || forbidden.test(licence));
if (refused.length > 0) {
  console.error('Run-time dependencies with a GPL/AGPL or missing licence:');
  for (const [id, licence] of refused) console.error(`  ${id}: ${licence || '(no licence declared)'}`);
  process.exit(1);
}
console.log(`licences: ${licences.size} run-time packages, none GPL/AGPL or unlicensed`);
