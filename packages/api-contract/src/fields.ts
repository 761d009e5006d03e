// The zod schemas of single values, built from rules.ts (requests) and the shapes answers share.
import { z } from 'zod';
import * as rules from './rules.ts';
import type { TaggableResource, TextRule } from './rules.ts';

/** A string checked against `rule`, with the rule's own message (one per value: the first problem). */
export function text(rule: TextRule): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const problem = rules.textProblem(rule, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const userName = text(rules.USER_NAME);
export const groupName = text(rules.GROUP_NAME);
export const roleName = text(rules.ROLE_NAME);
export const policyName = text(rules.POLICY_NAME);
export const iamPath = text(rules.PATH);
export const accessKeyId = text(rules.ACCESS_KEY_ID);
export const mfaSerialNumber = text(rules.MFA_SERIAL_NUMBER);
export const password = text(rules.PASSWORD);
export const policyVersionId = text(rules.POLICY_VERSION_ID);
export const accountAlias = text(rules.ACCOUNT_ALIAS);
export const policyDescription = text(rules.POLICY_DESCRIPTION);
export const roleDescription = text(rules.ROLE_DESCRIPTION);

/** A managed policy's ARN: `arn:<partition>:iam::<account id or aws>:policy<path><name>`, path and name as IAM's rules. */
export const policyArn = z
  .string()
  .max(2048)
  .regex(
    new RegExp(`^arn:aws[a-z-]*:iam::(?:\\d{12}|aws):policy(?:${rules.PATH.pattern.source.slice(1, -1)})${rules.POLICY_NAME.pattern.source.slice(1, -1)}$`),
    'Not a managed policy ARN (arn:aws:iam::<account id or aws>:policy/<path><name>)',
  );

/** Request policy documents: IAM's parameter rule, and JSON text (IAM's own grammar is checked by IAM). */
export const policyDocument = text(rules.POLICY_DOCUMENT).refine((document) => {
  try {
    const parsed: unknown = JSON.parse(document);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}, 'The policy document is not valid JSON');

export const maxSessionDuration = z
  .number()
  .int()
  .min(rules.MAX_SESSION_DURATION.min, `At least ${rules.MAX_SESSION_DURATION.min} seconds (1 hour)`)
  .max(rules.MAX_SESSION_DURATION.max, `At most ${rules.MAX_SESSION_DURATION.max} seconds (12 hours)`);

/** One tag as answers carry it: whatever IAM holds (AWS's own `aws:` tags included). */
export const tag = z.strictObject({ key: z.string(), value: z.string() });
export type Tag = z.infer<typeof tag>;

/** A tag set to write on a `resource`: IAM's key, value, count and uniqueness rules. */
export function tagSet(resource: TaggableResource) {
  return z.array(z.object({ key: z.string(), value: z.string() })).superRefine((tags, ctx) => {
    const problem = rules.tagsProblem(tags, resource);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

// ---- answer shapes ----------------------------------------------------------------------------------------------

/** Dates are ISO 8601 strings. */
export const isoDate = z.iso.datetime({ offset: true });

/** Lists answer `{ items: [...] }` (the BFF pages through IAM fully). */
export const list = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

export const attachedPolicy = z.strictObject({ policyName: z.string(), policyArn: z.string() });
export type AttachedPolicy = z.infer<typeof attachedPolicy>;

/** Documents in answers are decoded JSON text. */
export const inlinePolicy = z.strictObject({ policyName: z.string(), document: z.string() });
export type InlinePolicy = z.infer<typeof inlinePolicy>;

/** A section IAM refused the caller: it comes back empty and is named here instead of failing the page. */
export const unavailableSection = z.strictObject({
  section: z.string(),
  code: z.string(),
  message: z.string(),
  /** The refused IAM action, e.g. `iam:ListAccessKeys`, when named (else it is read from `message`). */
  action: z.string().optional(),
});
export type UnavailableSection = z.infer<typeof unavailableSection>;

export const permissionsBoundary = z.strictObject({ policyArn: z.string(), type: z.string() });
