// /api/switch-role: switching to a role and back ("Switching to a role (console)", IAM User Guide), the roles
// recently switched to, and the roles the signed-in principal may assume.
import { z } from 'zod';
import * as rules from './rules.ts';
import { ACCOUNT_ID, ASSUME_ROLE_DURATION, DISPLAY_NAME_MAX, EXTERNAL_ID, ROLE_NAME_WITH_PATH } from './switch-role-links.ts';
import { isoDate, mfaSerialNumber, unavailableSection } from './fields.ts';
import { identity, switchRoleColor } from './session.ts';

// An empty form field means "not given".
const absentIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const account = z
  .string()
  .trim()
  .min(1, 'Enter the account ID or alias')
  .refine((value) => ACCOUNT_ID.test(value) || rules.textProblem(rules.ACCOUNT_ALIAS, value) === undefined, 'An account is its 12-digit ID or its alias (3–63 lower-case letters, digits and hyphens)');

const roleNameWithPath = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\//, ''))
  .pipe(
    z.string().min(1, 'Enter the role name').max(576).regex(ROLE_NAME_WITH_PATH, 'The role is its name, after its path if it has one (division_abc/roleToDoX); a role name has 1–64 of the characters a-z A-Z 0-9 _+=,.@-'),
  );

export const switchRoleRequest = z.object({
  account,
  roleName: roleNameWithPath,
  /** What the header shows instead of the user name; default: the role name. */
  displayName: absentIfEmpty(z.string().trim().max(DISPLAY_NAME_MAX, `A display name has up to ${DISPLAY_NAME_MAX} characters`)),
  color: absentIfEmpty(switchRoleColor),
  externalId: absentIfEmpty(
    z.string().trim().min(EXTERNAL_ID.min, 'An external ID has at least 2 characters').max(EXTERNAL_ID.max).regex(EXTERNAL_ID.pattern, 'An external ID can contain only a-z A-Z 0-9 and _+=,.@:/-'),
  ),
  mfaCode: absentIfEmpty(z.string().trim().regex(/^\d{6}$/, 'An MFA code is 6 digits')),
  /** The MFA device the code is from; without it, the signed-in user's first device. */
  serialNumber: absentIfEmpty(mfaSerialNumber),
  /** Without it: the role's maximum session duration or the time left in this session, whichever is less. */
  durationSeconds: z
    .number()
    .int()
    .min(ASSUME_ROLE_DURATION.min, 'A role session lasts at least 15 minutes (900 seconds)')
    .max(ASSUME_ROLE_DURATION.max, 'A role session lasts at most 12 hours (43200 seconds)')
    .optional(),
});
export type SwitchRoleRequest = z.input<typeof switchRoleRequest>;
/** The request as validated: empty fields gone, the role name without a leading slash. */
export type SwitchRoleInput = z.output<typeof switchRoleRequest>;

/** One of the last five roles the user switched to (most recent first), for one click. */
export const recentRole = z.strictObject({
  account: z.string(),
  accountId: z.string(),
  roleName: z.string(),
  roleArn: z.string(),
  displayName: z.string(),
  color: switchRoleColor.optional(),
  switchedAt: isoDate,
});
export type RecentRole = z.infer<typeof recentRole>;

/** GET /api/switch-role: what the Switch role page needs to know about the signed-in principal. */
export const switchRoleContext = z.strictObject({
  /** The principal whose credentials authorize every switch (the AWS console always uses the original ones). */
  signedInAs: identity,
  /** The account root user cannot switch roles; `reason` says so. */
  canSwitch: z.boolean(),
  reason: z.string().optional(),
  mfaAuthenticated: z.boolean(),
  /** The signed-in user's MFA devices that give a code; empty when none or unknown (`unavailable` says why). */
  mfaSerialNumbers: z.array(z.string()),
  /** The signed-in principal is itself a role session: every switch is role chaining, at most 1 hour. */
  roleChaining: z.boolean(),
  /** The longest session a switch may ask for: 12 hours, 1 hour when chaining, never past this session's end. */
  maxDurationSeconds: z.number().int(),
  recent: z.array(recentRole),
  unavailable: z.array(unavailableSection),
});
export type SwitchRoleContext = z.infer<typeof switchRoleContext>;

/** What a switch to a role needs beyond the account and name. */
export const switchRequirement = z.enum(['mfa', 'externalId']);

export const assumableRole = z.strictObject({
  roleArn: z.string(),
  accountId: z.string(),
  /** With its path. */
  roleName: z.string(),
  description: z.string().optional(),
  maxSessionDuration: z.number().int().optional(),
  /** `mfa`: only with an MFA code (or an MFA sign-in); `externalId`: the trust policy asks for an external ID. */
  requires: z.array(switchRequirement),
  /** `evaluated`: the trust policy and the caller's own policies let it in; `recent`: switched to before, not evaluated. */
  basis: z.enum(['evaluated', 'recent']),
});
export type AssumableRole = z.infer<typeof assumableRole>;

/** GET /api/switch-role/roles. */
export const assumableRoles = z.strictObject({
  items: z.array(assumableRole),
  /** false: IAM refused what the decision needs (`unavailable` says what); the recent roles stand in. */
  complete: z.boolean(),
  unavailable: z.array(unavailableSection),
});
export type AssumableRoles = z.infer<typeof assumableRoles>;
