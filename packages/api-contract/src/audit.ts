// /api/audit-log: the console's own audit trail, newest first, filtered and paged by entry id (keyset).
import { z } from 'zod';
import { isoDate } from './fields.ts';

/** An empty query value (a cleared form field) is no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const auditFilters = z.object({
  /** Entries at or after this time. */
  from: optional(isoDate),
  /** Entries before this time. */
  to: optional(isoDate),
  /** Part of the caller's ARN, any case (`alice` finds `arn:aws:iam::…:user/alice`). */
  caller: optional(z.string().max(2048)),
  /** Part of the operation, any case (`User` finds CreateUser and DeleteUser). */
  operation: optional(z.string().max(256)),
  result: optional(z.enum(['success', 'failure'])),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditQuery = auditFilters.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** An entry id: page back from it (the `nextBefore` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
});

export const auditDownloadQuery = auditFilters.extend({
  format: z.enum(['csv', 'json']).default('csv'),
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

export const auditPage = z.strictObject({
  items: z.array(auditEntry),
  /** Present when older entries match: pass it as `before` for the next page. */
  nextBefore: z.number().int().positive().optional(),
});
export type AuditPage = z.infer<typeof auditPage>;

/** The columns of the audit log's CSV download, in order. */
export const AUDIT_CSV_COLUMNS = ['id', 'time', 'callerArn', 'operation', 'target', 'result', 'errorCode', 'awsRequestId', 'httpStatus', 'count'] as const;
