// AWS managed policies: read-only data produced at build time (scripts/extract-managed-policies.ts). Loaded
// lazily on first use and kept in memory (a few MB), never at start-up. If the build step has not run, the
// extraction runs once here so a fresh checkout still works.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsManagedPolicyFile, AwsManagedPolicyRecord } from './aws-managed-policy-file.ts';
import { stableUniqueId } from './names.ts';
import { extractManagedPolicies } from '../../scripts/extract-managed-policies.ts';

export interface AwsManagedPolicy extends AwsManagedPolicyRecord {
  id: string;
}

export const AWS_POLICY_ARN_PREFIX = 'arn:aws:iam::aws:policy/';

const GENERATED_FILE = join(import.meta.dirname, '..', '..', 'generated', 'aws-managed-policies.json');

let catalog: { byArn: Map<string, AwsManagedPolicy>; sorted: AwsManagedPolicy[] } | undefined;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function load(): NonNullable<typeof catalog> {
  if (catalog) return catalog;
  if (!existsSync(GENERATED_FILE)) extractManagedPolicies(GENERATED_FILE);
  const file = JSON.parse(readFileSync(GENERATED_FILE, 'utf8')) as AwsManagedPolicyFile;
  const sorted = file.policies.map((p) => ({ ...p, id: stableUniqueId('policy', p.arn, sha256) }));
  catalog = { byArn: new Map(sorted.map((p) => [p.arn, p])), sorted };
  return catalog;
}

/** Loads the catalog now rather than on first use (e.g. to warm up off the request path); returns its size. */
export function loadAwsManagedPolicies(): number {
  return load().sorted.length;
}

export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith(AWS_POLICY_ARN_PREFIX);
}

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  if (!isAwsManagedArn(arn)) return undefined;
  return load().byArn.get(arn);
}

/** All AWS managed policies, sorted by name. */
export function allAwsManagedPolicies(): readonly AwsManagedPolicy[] {
  return load().sorted;
}
