// Size against the quota of the kind of policy (IAM "IAM and AWS STS quotas"), whitespace not counted.
import { measurePolicySize } from '../source/policy-size.ts';
import type { IssueCode } from './checks.ts';
import type { CheckContext } from './context.ts';
import type { ValidateOptions } from './finding.ts';

export interface SizeQuota {
  limit: number;
  code: IssueCode;
  what: string;
}

export function sizeQuota(options: Pick<ValidateOptions, 'kind' | 'inlineFor'>): SizeQuota {
  switch (options.kind) {
    case 'trust':
      return { limit: 2_048, code: 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', what: 'a role trust policy' };
    case 'resource':
      return { limit: 20_480, code: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', what: 'an S3 bucket policy' };
    default: {
      const code = 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA';
      // A permissions boundary is always a managed policy; only identity policies can be inline.
      if (options.kind === 'boundary') return { limit: 6_144, code, what: 'a managed policy' };
      if (options.inlineFor === 'user') return { limit: 2_048, code, what: 'the inline policies of a user' };
      if (options.inlineFor === 'group') return { limit: 5_120, code, what: 'the inline policies of a group' };
      if (options.inlineFor === 'role') return { limit: 10_240, code, what: 'the inline policies of a role' };
      return { limit: 6_144, code, what: 'a managed policy' };
    }
  }
}

export function checkSize(ctx: CheckContext): void {
  const quota = sizeQuota(ctx.options);
  const text = ctx.source.text;
  const { size, overflowOffset } = measurePolicySize(text, quota.limit);
  if (overflowOffset === undefined) return;
  ctx.report(
    quota.code,
    ctx.source.rangeAt(overflowOffset, text.length - overflowOffset),
    `The policy has ${size.toLocaleString('en-US')} characters without whitespace, more than the ${quota.limit.toLocaleString('en-US')} allowed for ${quota.what}; the marked part is over the quota.`,
  );
}
