// The size meter: characters counted as IAM counts them (no whitespace outside strings) against the quota of
// the kind of policy (IAM User Guide, "IAM and AWS STS quotas").
import { measurePolicySize } from '@iam-console/policy-engine/source/policy-size.ts';
import { sizeQuota } from '@iam-console/policy-engine/validate/size.ts';
import type { PolicyDocumentKind } from './service/protocol.ts';

export interface PolicySizeReading {
  size: number;
  limit: number;
  /** "a managed policy", "the inline policies of a user"… */
  what: string;
  over: boolean;
}

export function policySize(text: string, kind: PolicyDocumentKind): PolicySizeReading {
  const quota = sizeQuota(kind);
  const { size } = measurePolicySize(text);
  return { size, limit: quota.limit, what: quota.what, over: size > quota.limit };
}
