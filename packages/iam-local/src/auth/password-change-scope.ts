// A console sign-in whose password must be changed ("Require password reset", or an expired password) may only
// change it: the AWS console shows nothing but its "Change password" page until then (IAM User Guide, "Managing
// passwords for IAM users": the user must change the password at next sign-in). The local-only console sign-in's
// credentials carry that restriction; a new password lifts it for the same session.
import { IamError } from '../errors.ts';
import type { ServiceName } from '../protocol/xml.ts';
import type { Caller } from './caller.ts';

const ALLOWED = new Set(['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'sts:GetCallerIdentity']);

export function checkPasswordChangeScope(caller: Caller, service: ServiceName, action: string): void {
  if (!caller.consoleSignIn?.passwordChangeRequired || ALLOWED.has(`${service}:${action}`)) return;
  throw new IamError(
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: ${service}:${action} because the password must be changed first (iam:ChangePassword)`,
  );
}
