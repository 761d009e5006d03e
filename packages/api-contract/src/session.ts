// /api/session: who is signed in, demo identities (local mode), sign-in and sign-out.
import { z } from 'zod';
import { isoDate } from './fields.ts';
import { SWITCH_ROLE_COLOR_HEXES } from './switch-role-links.ts';

export const identityType = z.enum(['root', 'user', 'assumed-role']);
export type IdentityType = z.infer<typeof identityType>;

export const identity = z.strictObject({
  arn: z.string(),
  accountId: z.string(),
  userId: z.string(),
  type: identityType,
  userName: z.string().optional(),
  roleName: z.string().optional(),
  accountAlias: z.string().nullable().optional(),
});
export type Identity = z.infer<typeof identity>;

const sessionCommon = {
  /** Send as `x-csrf-token` on every non-GET request; it rotates at sign-in. */
  csrfToken: z.string().min(1),
  localMode: z.boolean(),
  /** The server may sign in with its own credential chain. */
  credentialChain: z.boolean(),
};

export const signedOutSession = z.strictObject({
  signedIn: z.literal(false),
  ...sessionCommon,
  /** Once, right after an idle or absolute timeout ended the session. */
  sessionExpired: z.literal(true).optional(),
});

/** The AWS console's five switch-role colours (hex, as its link's `color` spells them). */
export const switchRoleColor = z.enum(SWITCH_ROLE_COLOR_HEXES);

/** The role a session acts as after "Switch role" (see switch-role.ts). */
export const switchedRole = z.strictObject({
  roleArn: z.string(),
  /** As the switch named it: the account ID or alias. */
  account: z.string(),
  accountId: z.string(),
  /** With its path: `division_abc/roleToDoX`. */
  roleName: z.string(),
  displayName: z.string(),
  color: switchRoleColor.optional(),
  /** When the role's credentials expire; the session then returns to `signedInAs`. */
  expiresAt: isoDate,
  /** The signed-in principal the console goes back to ("Back to <user name>"). */
  signedInAs: identity,
});
export type SwitchedRole = z.infer<typeof switchedRole>;

/** Once, after the switched-to role's credentials expired and the session went back to the signed-in principal. */
export const roleSessionEnded = z.strictObject({ roleArn: z.string(), displayName: z.string(), endedAt: isoDate });
export type RoleSessionEnded = z.infer<typeof roleSessionEnded>;

export const signedInSession = z.strictObject({
  signedIn: z.literal(true),
  ...sessionCommon,
  /** Who the session acts as: the assumed role while switched (`switchedRole.signedInAs` is who signed in). */
  identity,
  mfaAuthenticated: z.boolean(),
  expiresAt: isoDate,
  idleExpiresAt: isoDate,
  switchedRole: switchedRole.optional(),
  roleSessionEnded: roleSessionEnded.optional(),
  /**
   * Signed in with a password that must be changed first (local mode): until ChangePassword succeeds the session
   * may only change it, as the AWS console allows nothing else.
   */
  passwordResetRequired: z.literal(true).optional(),
});
export type SignedInSession = z.infer<typeof signedInSession>;

export const session = z.discriminatedUnion('signedIn', [signedOutSession, signedInSession]);
export type Session = z.infer<typeof session>;

export const demoIdentity = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['root', 'admin', 'self-service', 'auditor']),
  userName: z.string().optional(),
  hasMfa: z.boolean(),
  description: z.string(),
});
export type DemoIdentity = z.infer<typeof demoIdentity>;

// An empty field from the sign-in form means "not given".
const absentIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const mfaCode = absentIfEmpty(z.string().regex(/^\d{6}$/, 'An MFA code is 6 digits'));
/** A virtual (or newer hardware) device's ARN, or an older hardware token's serial number. */
const serialNumber = absentIfEmpty(
  z.string().regex(/^(arn:aws[a-z-]*:iam::\d{12}:mfa\/[\w+=,.@/-]{1,512}|[A-Z0-9]{9,256})$/, 'An MFA device is named by its ARN (arn:aws:iam::123456789012:mfa/name) or a hardware token serial number'),
);

export const signInRequest = z.union([
  z.object({
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'An access key ID is 16–128 upper-case letters and digits'),
    secretAccessKey: z.string().min(1).max(128),
    mfaCode,
    serialNumber,
  }),
  z.object({ demoIdentity: z.string().min(1).max(128), mfaCode }),
  // Local mode only: an IAM user's console password, which only the embedded endpoint can check (AWS has no API
  // for it). Account ID or alias as the AWS console's sign-in page takes them.
  z.object({
    accountId: absentIfEmpty(z.string().regex(/^(\d{12}|[a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/, 'Enter a 12-digit account ID or an account alias')),
    userName: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'An IAM user name is 1–64 letters, digits and +=,.@_-'),
    password: z.string().min(1).max(128),
    mfaCode,
  }),
  z.object({ credentialChain: z.literal(true) }),
]);
export type SignInRequest = z.input<typeof signInRequest>;
