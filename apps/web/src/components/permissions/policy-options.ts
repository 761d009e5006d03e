import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import { isAwsManagedPolicyArn } from '@iam-console/api-contract/arn.ts';
import type { ManagedPolicyOption } from '../../lib/iam-types.ts';

export { isAwsManagedPolicyArn as isAwsManagedArn };

export function policyTypeLabel(arn: string): string {
  return isAwsManagedPolicyArn(arn) ? 'AWS managed' : 'Customer managed';
}

/** Options for a policy picker: customer managed first (what admins attach most), then AWS managed. */
export function toPolicySelectOptions(
  policies: readonly ManagedPolicyOption[],
  exclude: ReadonlySet<string> = new Set(),
): MultiselectProps.OptionGroup[] {
  const option = (policy: ManagedPolicyOption): MultiselectProps.Option => ({
    value: policy.arn,
    label: policy.policyName,
    description: policy.description,
    tags: [policy.awsManaged ? 'AWS managed' : 'Customer managed'],
  });
  const byName = (a: ManagedPolicyOption, b: ManagedPolicyOption) => a.policyName.localeCompare(b.policyName);
  const available = policies.filter((policy) => !exclude.has(policy.arn));
  const groups: MultiselectProps.OptionGroup[] = [
    { label: 'Customer managed', options: available.filter((p) => !p.awsManaged).sort(byName).map(option) },
    { label: 'AWS managed', options: available.filter((p) => p.awsManaged).sort(byName).map(option) },
  ];
  return groups.filter((group) => group.options.length > 0);
}
