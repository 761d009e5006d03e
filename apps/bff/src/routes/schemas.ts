// zod schemas for IAM names and values, with IAM's own limits so bad input is refused before AWS.
import { z } from 'zod';

const nameChars = /^[\w+=,.@-]+$/;
export const principalName = (what: string, max = 64) =>
  z.string().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`).regex(nameChars, `${what} may contain only letters, digits and + = , . @ _ -`);

export const userName = principalName('User name');
export const groupName = principalName('Group name', 128);
export const roleName = principalName('Role name');
export const policyName = principalName('Policy name', 128);
export const iamPath = z.string().max(512).regex(/^\/(?:[\x21-\x7e]*\/)?$/, 'A path starts and ends with / and holds printable ASCII');
export const policyArn = z.string().regex(/^arn:aws[\w-]*:iam::(?:\d{12}|aws):policy\/.+$/, 'Not a managed policy ARN');
export const accessKeyId = z.string().regex(/^[A-Z0-9]{16,128}$/, 'Not an access key ID');
export const mfaSerial = z.string().min(9).max(256).regex(/^[\w+=/:,.@-]+$/, 'Not an MFA device serial number');
export const policyDocument = z
  .string()
  .min(1)
  .max(131_072)
  .refine((text) => {
    try {
      return typeof JSON.parse(text) === 'object';
    } catch {
      return false;
    }
  }, 'The policy document is not valid JSON');
export const tags = z
  .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) }))
  .max(50, 'At most 50 tags');
export const password = z.string().min(1).max(128);
