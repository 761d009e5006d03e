// /api/audit-log: the console's own audit trail, newest first.
import { z } from 'zod';
import { isoDate } from './fields.ts';

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** An entry id: page back from it. */
  before: z.coerce.number().int().positive().optional(),
});

export const auditEntry = z.strictObject({
  id: z.number().int().positive(),
  time: isoDate,
  /** Null for failed sign-ins. */
  callerArn: z.string().nullable(),
  /** IAM-style (`CreateUser`, `SignIn`, …) or `<METHOD> <path>` for requests refused before a route. */
  operation: z.string(),
  target: z.string(),
  result: z.enum(['success', 'failure']),
  errorCode: z.string().optional(),
  awsRequestId: z.string().optional(),
  httpStatus: z.number().int(),
  /** How many requests the entry stands for: more than 1 for a minute's count of anonymous requests from one address. */
  count: z.number().int().positive(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
