// The policy editor's "Start from" list and its JSON file import and export, without Monaco or a DOM.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import { EXAMPLE_POLICIES } from '@iam-console/api-contract/example-policies.ts';
import { exportFileName, importProblem, MAX_IMPORT_BYTES, readPolicyFile } from '../src/components/policy-editor/policy-file.ts';
import { AWS_MANAGED_PREFIX, bundledStartingPoint, replacingNeedsConfirmation, startOptions } from '../src/components/policy-editor/start-from.ts';

describe('Start from', () => {
  it('offers the deployment tools\' policies and the IAM User Guide examples, each with its source', () => {
    const groups = startOptions([]);
    expect(groups.map((g) => g.label)).toEqual(['Deployment tools', 'IAM User Guide examples']);
    expect(groups[0]!.options.map((o) => o.label)).toEqual(['SST', 'Serverless Framework (AWS managed AdministratorAccess)', 'Amplify CLI', 'Up']);
    for (const option of groups.flatMap((g) => g.options)) expect(option.description).toMatch(/documentation|^IAM User Guide, "/);
    for (const policy of EXAMPLE_POLICIES.filter((p) => p.group === 'Deployment tools')) expect(policy.sourceUrl).toMatch(/^https:\/\//);
  });

  it('bundles policies that are valid identity policies, the text as published', () => {
    expect(EXAMPLE_POLICIES.length).toBeGreaterThan(15);
    for (const policy of EXAMPLE_POLICIES) {
      expect(validatePolicy(policy.document, { kind: 'identity' }).filter((f) => f.findingType === 'ERROR'), policy.id).toEqual([]);
    }
    expect(bundledStartingPoint('guide-change-own-password')?.document).toContain('"iam:ChangePassword"');
    expect(bundledStartingPoint('no-such-policy')).toBeUndefined();
  });

  it('lists AWS managed policies by name after the bundled ones', () => {
    const groups = startOptions([
      { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', policyName: 'ReadOnlyAccess' },
      { arn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess', policyName: 'IAMReadOnlyAccess', description: 'Read IAM' },
    ]);
    expect(groups.at(-1)).toEqual({
      label: 'AWS managed policies',
      options: [
        { value: `${AWS_MANAGED_PREFIX}arn:aws:iam::aws:policy/IAMReadOnlyAccess`, label: 'IAMReadOnlyAccess', description: 'Read IAM' },
        { value: `${AWS_MANAGED_PREFIX}arn:aws:iam::aws:policy/ReadOnlyAccess`, label: 'ReadOnlyAccess' },
      ],
    });
  });

  it('asks before replacing text, not before filling an empty editor', () => {
    expect(replacingNeedsConfirmation('{"Version": "2012-10-17"}')).toBe(true);
    expect(replacingNeedsConfirmation('  \n')).toBe(false);
  });
});

describe('Import JSON', () => {
  it('reads a file of up to 1 MB', async () => {
    const text = '{"Version": "2012-10-17", "Statement": []}';
    await expect(readPolicyFile(new File([text], 'p.json'))).resolves.toEqual({ text });
    expect(importProblem({ name: 'edge.json', size: MAX_IMPORT_BYTES })).toBeUndefined();
  });

  it('refuses a larger file with a message naming it, without reading it', async () => {
    expect(importProblem({ name: 'big.json', size: MAX_IMPORT_BYTES + 1 })).toBe('big.json is 1.0 MB; a policy file must be 1 MB or smaller.');
    const big = new File(['x'.repeat(3 * 1024 * 1024)], 'huge.json');
    await expect(readPolicyFile(big)).resolves.toEqual({ problem: 'huge.json is 3.0 MB; a policy file must be 1 MB or smaller.' });
  });
});

describe('Export JSON', () => {
  it('names the file after the policy', () => {
    expect(exportFileName('DeployerPolicy')).toBe('DeployerPolicy.json');
    expect(exportFileName('team.read-only@prod')).toBe('team.read-only@prod.json');
    expect(exportFileName('already.json')).toBe('already.json');
  });

  it('falls back to policy.json and replaces characters a file name cannot hold', () => {
    expect(exportFileName('')).toBe('policy.json');
    expect(exportFileName(undefined)).toBe('policy.json');
    expect(exportFileName('  ')).toBe('policy.json');
    expect(exportFileName('a/b\\c:d')).toBe('a-b-c-d.json');
    expect(exportFileName('../..')).toBe('policy.json');
  });
});
