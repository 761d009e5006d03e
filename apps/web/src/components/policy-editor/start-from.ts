// What "Start from" offers: the bundled real-world policies (each with its source) and the AWS managed
// policies of the account's IAM, as Select options. Pure, so the list is tested without Cloudscape.
import { EXAMPLE_POLICIES, type ExamplePolicy } from '@iam-console/api-contract/example-policies.ts';

export interface StartOptionGroup {
  label: string;
  options: { value: string; label: string; description?: string }[];
}

export const AWS_MANAGED_PREFIX = 'aws-managed:';

export function bundledStartingPoint(id: string): ExamplePolicy | undefined {
  return EXAMPLE_POLICIES.find((policy) => policy.id === id);
}

export function startOptions(awsManaged: readonly { arn: string; policyName: string; description?: string }[]): StartOptionGroup[] {
  const groups = new Map<string, StartOptionGroup>();
  for (const policy of EXAMPLE_POLICIES) {
    const group = groups.get(policy.group) ?? { label: policy.group, options: [] };
    group.options.push({ value: policy.id, label: policy.name, description: policy.source });
    groups.set(policy.group, group);
  }
  const managed = [...awsManaged]
    .sort((a, b) => a.policyName.localeCompare(b.policyName))
    .map((p) => ({ value: `${AWS_MANAGED_PREFIX}${p.arn}`, label: p.policyName, ...(p.description ? { description: p.description } : {}) }));
  return [...groups.values(), ...(managed.length ? [{ label: 'AWS managed policies', options: managed }] : [])];
}

/** Replacing text a person wrote asks first; an empty editor is simply filled. */
export function replacingNeedsConfirmation(current: string): boolean {
  return current.trim() !== '';
}
