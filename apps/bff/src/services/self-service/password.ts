// Change password (IAM User Guide, "How an IAM user changes their own password"): ChangePassword works on the
// caller only; the account password policy is IAM's to enforce (PasswordPolicyViolation names the rule).
import { ChangePasswordCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { parseAccessDenied, trimEnd } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';
import { toApiError } from '../../http/error-middleware.ts';
import { isAwsCode } from '../shape.ts';

export async function changeOwnPassword(iam: IAMClient, oldPassword: string, newPassword: string): Promise<void> {
  try {
    await iam.send(new ChangePasswordCommand({ OldPassword: oldPassword, NewPassword: newPassword }));
  } catch (err) {
    // IAM answers a wrong current password with AccessDenied too, without naming an action.
    if (isAwsCode(err, 'AccessDenied') && !parseAccessDenied((err as Error).message)) {
      const apiError = toApiError(err);
      throw new ApiError(apiError.status, apiError.code, `The current password is not correct (AWS: ${trimEnd((err as Error).message)}).`, apiError.extra);
    }
    throw err;
  }
}
