// /api/account: summary, alias, password policy, security recommendations.
import { z } from 'zod';
import * as rules from './rules.ts';
import { accountAlias, unavailableSection } from './fields.ts';

export const accountOverview = z.strictObject({
  /** From the signed-in identity. */
  accountId: z.string(),
  alias: z.string().nullable(),
  /** GetAccountSummary's SummaryMap (`Users`, `UsersQuota`, …); `{}` when refused (see `unavailable`). */
  summary: z.record(z.string(), z.number()),
  unavailable: z.array(unavailableSection),
});
export type AccountOverview = z.infer<typeof accountOverview>;

export const aliasRequest = z.object({ alias: accountAlias });

/** The account password policy with AWS's field names (GetAccountPasswordPolicy). */
export const passwordPolicy = z.strictObject({
  MinimumPasswordLength: z.number().int().optional(),
  RequireSymbols: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireUppercaseCharacters: z.boolean().optional(),
  RequireLowercaseCharacters: z.boolean().optional(),
  AllowUsersToChangePassword: z.boolean().optional(),
  /** Read-only: whether MaxPasswordAge is set. */
  ExpirePasswords: z.boolean().optional(),
  MaxPasswordAge: z.number().int().optional(),
  PasswordReusePrevention: z.number().int().optional(),
  HardExpiry: z.boolean().optional(),
});
export type PasswordPolicy = z.infer<typeof passwordPolicy>;

export const passwordPolicyAnswer = z.strictObject({ policy: passwordPolicy.nullable() });

const limit = (field: keyof Omit<typeof rules.PASSWORD_POLICY_LIMITS, 'source'>) =>
  z.number().int().min(rules.PASSWORD_POLICY_LIMITS[field].min).max(rules.PASSWORD_POLICY_LIMITS[field].max).optional();

/** UpdateAccountPasswordPolicy's fields; unknown and read-only ones (ExpirePasswords echoed back) are dropped. */
export const passwordPolicyRequest = z.object({
  MinimumPasswordLength: limit('MinimumPasswordLength'),
  RequireSymbols: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireUppercaseCharacters: z.boolean().optional(),
  RequireLowercaseCharacters: z.boolean().optional(),
  AllowUsersToChangePassword: z.boolean().optional(),
  MaxPasswordAge: limit('MaxPasswordAge'),
  PasswordReusePrevention: limit('PasswordReusePrevention'),
  HardExpiry: z.boolean().optional(),
});

export const recommendation = z.strictObject({
  id: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  title: z.string(),
  /** With status `unknown`: why (AWS's code and message). */
  detail: z.string(),
  status: z.enum(['ok', 'attention', 'unknown']),
  affected: z.array(z.string()).optional(),
});
export type Recommendation = z.infer<typeof recommendation>;
