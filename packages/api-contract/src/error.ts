// The one error shape of every /api answer: `{ error: { message, code, status, requestId?, … } }`.
import { z } from 'zod';

export const errorDetail = z.strictObject({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetail>;

export const errorBody = z.strictObject({
  /** A sentence a person understands (AWS's own text quoted inside it). */
  message: z.string(),
  /** AWS's wire code (`NoSuchEntity`, `AccessDenied`, …) or one of ERROR_CODES. */
  code: z.string(),
  /** The HTTP status of the answer (AWS's for AWS errors). */
  status: z.number().int().min(400).max(599),
  /** AWS's request id, when AWS answered. */
  requestId: z.string().optional(),
  /** ValidationError: each refused field. */
  details: z.array(errorDetail).optional(),
  /** Multi-step changes: the step that failed ("Add to group admins"). */
  failedStep: z.string().optional(),
  /** Sign-in (MfaRequired, InvalidMfaCode): the device the code is expected from. */
  mfaSerialNumber: z.string().optional(),
  /** Sign-in (MfaRequired, UnknownMfaDevice): every MFA device of the user that gives a code. */
  mfaSerialNumbers: z.array(z.string()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const errorAnswer = z.strictObject({ error: errorBody });
export type ErrorAnswer = z.infer<typeof errorAnswer>;
