// The trust policy the console writes for "Another AWS account" with "Require external ID" and "Require MFA"
// (IAM User Guide, "Creating a role to delegate permissions to an IAM user" and "How to use an external ID when
// granting access to your AWS resources to a third party").
export function anotherAccountTrustPolicy(input: { partition: string; trustedAccountId: string; externalId?: string | undefined; requireMfa: boolean }): string {
  const condition: Record<string, Record<string, string>> = {};
  if (input.externalId) condition.StringEquals = { 'sts:ExternalId': input.externalId };
  if (input.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { AWS: `arn:${input.partition}:iam::${input.trustedAccountId}:root` },
      Action: 'sts:AssumeRole',
      ...(Object.keys(condition).length ? { Condition: condition } : {}),
    }],
  }, null, 2);
}
