// /api/me: the signed-in principal's own security credentials ("My security credentials"), built only from calls
// a self-service policy allows: IAM answers about the caller when UserName is left out, or is given the caller's
// own name from the session.
import { z } from 'zod';
import * as rules from './rules.ts';
import { passwordPolicy } from './account.ts';
import { accessKeyId, isoDate, mfaSerialNumber, password, text, unavailableSection } from './fields.ts';
import { accessKeyStatus } from './users.ts';

export const ownAccessKey = z.strictObject({
  accessKeyId: z.string(),
  status: accessKeyStatus,
  createDate: isoDate,
  /** The value of the user tag keyed by the access key id, as the AWS console stores a key's description. */
  description: z.string().optional(),
  /** Absent when IAM refused iam:GetAccessKeyLastUsed (`unavailable` then names `accessKeyLastUsed`). */
  lastUsed: z.strictObject({ date: isoDate.optional(), service: z.string(), region: z.string() }).optional(),
});
export type OwnAccessKey = z.infer<typeof ownAccessKey>;

export const ownMfaDevice = z.strictObject({
  serialNumber: z.string(),
  enableDate: isoDate,
  /** What the AWS console lists as the device's name: a virtual device's name after `:mfa/`, else the serial number. */
  deviceName: z.string(),
  type: z.enum(['Virtual', 'Hardware', 'SecurityKey']),
});
export type OwnMfaDevice = z.infer<typeof ownMfaDevice>;

export const securityCredentials = z.strictObject({
  /** Only IAM users and the root user hold long-term credentials; an assumed role gets nothing else here. */
  principalType: z.enum(['root', 'user', 'assumed-role']),
  userName: z.string().optional(),
  /**
   * The access key this console session calls AWS with, when it is a long-term key (a sign-in without MFA);
   * absent for an MFA session, whose temporary credentials outlive the key that opened them.
   */
  sessionAccessKeyId: z.string().optional(),
  accessKeys: z.array(ownAccessKey),
  mfaDevices: z.array(ownMfaDevice),
  /** null: no console password (or the caller is the root user). */
  loginProfile: z.strictObject({ createDate: isoDate, passwordResetRequired: z.boolean() }).nullable(),
  /** null: the account has no password policy (IAM's default applies). */
  passwordPolicy: passwordPolicy.nullable(),
  /**
   * Sections IAM refused (`accessKeys`, `accessKeyLastUsed`, `accessKeyDescriptions`, `mfaDevices`, `loginProfile`,
   * `passwordPolicy`): empty in the answer and named here with IAM's message.
   */
  unavailable: z.array(unavailableSection),
});
export type SecurityCredentials = z.infer<typeof securityCredentials>;

export const accessKeyDescription = text(rules.TAG_VALUE);

export const createOwnAccessKeyRequest = z.object({ description: accessKeyDescription.optional() });
export type CreateOwnAccessKeyRequest = z.input<typeof createOwnAccessKeyRequest>;

/** A new key: the secret is in this answer only, once. */
export const createdOwnAccessKey = z.strictObject({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  status: accessKeyStatus,
  createDate: isoDate,
  description: z.string().optional(),
  /** The key was created but IAM refused to store its description (iam:TagUser). */
  descriptionNotSaved: z.strictObject({ code: z.string(), message: z.string() }).optional(),
});
export type CreatedOwnAccessKey = z.infer<typeof createdOwnAccessKey>;

export const ownAccessKeyParams = z.object({ accessKeyId });

export const updateOwnAccessKeyRequest = z.object({
  status: accessKeyStatus,
  /**
   * Deactivating the last active key, or the key this session signed in with when no key created in this session
   * can take its place, needs `confirm: true` (else 409 ConfirmationRequired, the message says why).
   */
  confirm: z.boolean().optional(),
});
export type UpdateOwnAccessKeyRequest = z.input<typeof updateOwnAccessKeyRequest>;

/** What became of this console session: still on its key, switched to the key created in it, or ended. */
export const updateOwnAccessKeyAnswer = z.strictObject({ session: z.enum(['kept', 'switched-to-new-key', 'ended']) });
export type UpdateOwnAccessKeyAnswer = z.infer<typeof updateOwnAccessKeyAnswer>;

export const createVirtualMfaDeviceRequest = z.object({ deviceName: text(rules.VIRTUAL_MFA_DEVICE_NAME) });

/** A new virtual MFA device's secrets: shown during enrollment only. */
export const createdVirtualMfaDevice = z.strictObject({
  serialNumber: z.string(),
  /** The Base32 seed ("Show secret key"). */
  base32StringSeed: z.string(),
  /** The QR code ("Show QR code"): a PNG, base64. */
  qrCodePng: z.string(),
});
export type CreatedVirtualMfaDevice = z.infer<typeof createdVirtualMfaDevice>;

const authenticationCode = text(rules.AUTHENTICATION_CODE);
const twoCodes = { authenticationCode1: authenticationCode, authenticationCode2: authenticationCode };

export const enableMfaDeviceRequest = z.object({ serialNumber: mfaSerialNumber, ...twoCodes });
export type EnableMfaDeviceRequest = z.input<typeof enableMfaDeviceRequest>;

export const ownMfaDeviceParams = z.object({ serialNumber: mfaSerialNumber });
export const resyncMfaDeviceRequest = z.object(twoCodes);
export type ResyncMfaDeviceRequest = z.input<typeof resyncMfaDeviceRequest>;

export const removeMfaDeviceAnswer = z.strictObject({
  /**
   * A virtual device is also deleted, as the AWS console does; false when IAM refused iam:DeleteVirtualMFADevice
   * (it then stays unassigned until someone allowed to deletes it).
   */
  virtualDeviceDeleted: z.boolean(),
  reason: z.string().optional(),
});
export type RemoveMfaDeviceAnswer = z.infer<typeof removeMfaDeviceAnswer>;

export const changePasswordRequest = z.object({ oldPassword: password, newPassword: password });
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;

/** POST /api/session/mfa: turn a session signed in without MFA into an MFA session. */
export const sessionMfaRequest = z.object({ serialNumber: mfaSerialNumber, tokenCode: authenticationCode });
export type SessionMfaRequest = z.input<typeof sessionMfaRequest>;
