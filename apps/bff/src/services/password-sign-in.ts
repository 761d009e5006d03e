// Local mode only: sign-in with an IAM user's console password. AWS has no public API that checks a console
// password (the AWS console's sign-in is its own), so only the embedded endpoint offers it, as a local-only
// extension beside its Query API (POST /_local/console-sign-in, see iam-local's README). It answers temporary
// credentials of the user; when the password must be changed first, those may only change it until it is.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError } from '../http/api-error.ts';
import { accountAlias, describeArn, type SignInResult } from './sign-in.ts';

export interface PasswordSignInRequest {
  accountId?: string | undefined;
  userName: string;
  password: string;
  mfaCode?: string | undefined;
  durationSeconds: number;
}

export interface PasswordSignInResult extends SignInResult {
  passwordResetRequired: boolean;
}

export type PasswordSignIn = (request: PasswordSignInRequest) => Promise<PasswordSignInResult>;

const CONSOLE_SIGN_IN_PATH = '/_local/console-sign-in';
/** As GetSessionToken takes for IAM users. */
const DURATION = { min: 900, max: 129_600 } as const;

const granted = z.object({
  accessKeyId: z.string().min(16),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1),
  expiration: z.string(),
  mfaAuthenticated: z.boolean(),
  passwordResetRequired: z.boolean(),
});
const refused = z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() });

/** The endpoint's refusal as the console's: which part of a wrong sign-in was wrong is never told. */
function refusal(status: number, body: unknown): ApiError {
  const parsed = refused.safeParse(body);
  const requestId = parsed.success && parsed.data.requestId ? { requestId: parsed.data.requestId } : {};
  switch (parsed.success ? parsed.data.code : '') {
    case 'SignInFailed':
      return new ApiError(401, 'SignInFailed', 'Your authentication information is incorrect. Please try again.', requestId);
    case 'MfaCodeRequired':
      return new ApiError(401, 'MfaRequired', 'This user has an MFA device: enter the current code from it.', requestId);
    case 'PasswordExpired':
      return new ApiError(401, 'PasswordExpired', 'Your password has expired and can only be reset by an administrator.', requestId);
    case 'Throttling':
      return new ApiError(429, 'RateLimited', 'Too many failed sign-in attempts for this user. Wait a few minutes, then try again.', requestId);
    default:
      return new ApiError(502, 'PasswordSignInUnavailable', `The local IAM endpoint could not sign in with a password (HTTP ${status}).`, requestId);
  }
}

/** Password sign-in against the embedded endpoint at `endpointUrl`. */
export function endpointPasswordSignIn(endpointUrl: string, makeClients: AwsClientFactory): PasswordSignIn {
  const url = new URL(CONSOLE_SIGN_IN_PATH, endpointUrl);
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...(request.accountId ? { accountId: request.accountId } : {}),
          userName: request.userName,
          password: request.password,
          ...(request.mfaCode ? { mfaCode: request.mfaCode } : {}),
          durationSeconds: Math.max(DURATION.min, Math.min(request.durationSeconds, DURATION.max)),
        }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new ApiError(502, 'EndpointUnreachable', 'The console server cannot reach the local IAM endpoint. Try again; if it persists, the endpoint is down.');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response.status, body);
    const answer = granted.safeParse(body);
    if (!answer.success) throw refusal(response.status, undefined);
    const { mfaAuthenticated, passwordResetRequired, ...credentials } = answer.data;
    const clients = makeClients(credentials);
    const caller = await clients.sts.send(new GetCallerIdentityCommand({}));
    const identity = describeArn(caller.Arn ?? '', caller.Account ?? '', caller.UserId ?? '');
    // A session that must change its password first may not list aliases; the alias is decoration.
    identity.accountAlias = passwordResetRequired ? null : await accountAlias(clients);
    return { identity, credentials, mfaAuthenticated, passwordResetRequired };
  };
}
