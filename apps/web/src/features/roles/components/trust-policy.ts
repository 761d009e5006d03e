/** Who may assume a new role, as the console's "Select trusted entity" step offers it. */
export type TrustedEntity =
  | { kind: 'account'; accountId: string; requireMfa: boolean; externalId: string }
  | { kind: 'service'; service: string }
  | { kind: 'custom'; document: string };

export const COMMON_SERVICES = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
  'codebuild.amazonaws.com',
] as const;

/** The trust policy (AssumeRolePolicyDocument) for a choice, as pretty JSON. */
export function trustPolicyFor(entity: TrustedEntity): string {
  if (entity.kind === 'custom') return entity.document;
  const statement: Record<string, unknown> = { Effect: 'Allow', Action: 'sts:AssumeRole' };
  if (entity.kind === 'service') {
    statement.Principal = { Service: entity.service };
  } else {
    statement.Principal = { AWS: `arn:aws:iam::${entity.accountId}:root` };
    const condition: Record<string, Record<string, string>> = {};
    if (entity.externalId) condition.StringEquals = { 'sts:ExternalId': entity.externalId };
    if (entity.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
    if (Object.keys(condition).length > 0) statement.Condition = condition;
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}

/** Why the choice cannot make a trust policy yet, or undefined. */
export function trustedEntityProblem(entity: TrustedEntity): string | undefined {
  if (entity.kind === 'account' && !/^\d{12}$/.test(entity.accountId)) return 'An AWS account ID has 12 digits.';
  if (entity.kind === 'account' && entity.externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(entity.externalId)) {
    return 'An external ID has 2 to 1,224 characters: letters, digits and +=,.@:/-_';
  }
  if (entity.kind === 'service' && !/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(entity.service)) return 'Choose a service principal such as ec2.amazonaws.com.';
  if (entity.kind === 'custom') {
    try {
      const parsed: unknown = JSON.parse(entity.document);
      if (!parsed || typeof parsed !== 'object' || !('Statement' in parsed)) return 'A trust policy is a JSON object with a Statement.';
    } catch (error) {
      return `The trust policy is not valid JSON: ${(error as Error).message}`;
    }
  }
  return undefined;
}
