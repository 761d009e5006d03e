// POST /_local/console-sign-in: a console sign-in with an IAM user's password. Not an AWS API (AWS has no public
// API that checks a console password; the AWS console's sign-in is its own), so it lives outside the Query API on
// a path of its own and speaks JSON. It checks the password (and the MFA code when the user has a device, as the
// AWS console asks), records the password's use, and answers temporary credentials of the user, with
// passwordResetRequired when the password must be changed first (those credentials may then only change it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AccountState } from '../protocol/operation.ts';
import { readBody } from '../protocol/http-handler.ts';
import { getAccount } from '../model/account.ts';
import { userOwner } from '../model/credential-owner.ts';
import { signInWithPassword } from '../model/login-profiles.ts';
import { listMfaDevices, verifyMfaCode } from '../model/mfa.ts';
import { hashPassword, verifyPassword } from '../model/password-hash.ts';
import { createSession } from '../model/sts-sessions.ts';
import { findUser } from '../model/users.ts';
import { markConsoleSession } from '../model/console-sessions.ts';
import { SignInThrottle } from './sign-in-throttle.ts';

export const CONSOLE_SIGN_IN_PATH = '/_local/console-sign-in';

/** As GetSessionToken for IAM users: 15 minutes to 36 hours, 12 hours by default. */
const DURATION = { min: 900, max: 129_600, default: 43_200 } as const;
const MAX_BODY_BYTES = 16 * 1024;
/** The AWS console's answer to a wrong account, user name or password alike. */
const INCORRECT = 'Your authentication information is incorrect. Please try again.';

interface SignInInput {
  accountId: string | undefined;
  userName: string;
  password: string;
  mfaCode: string | undefined;
  durationSeconds: number;
}

class SignInRefusal extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const incorrect = () => new SignInRefusal(401, 'SignInFailed', INCORRECT);

function optionalText(body: Record<string, unknown>, name: string, pattern: RegExp): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw new SignInRefusal(400, 'ValidationError', `${name} is not valid.`);
  return value;
}

function parseInput(raw: Buffer): SignInInput {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SignInRefusal(400, 'ValidationError', 'The body must be a JSON object.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SignInRefusal(400, 'ValidationError', 'The body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const userName = optionalText(b, 'userName', /^[\w+=,.@-]{1,64}$/);
  const password = optionalText(b, 'password', /^[\s\S]{1,128}$/);
  if (userName === undefined || password === undefined) throw new SignInRefusal(400, 'ValidationError', 'userName and password are required.');
  const duration = b.durationSeconds;
  if (duration !== undefined && (typeof duration !== 'number' || !Number.isInteger(duration) || duration < DURATION.min || duration > DURATION.max)) {
    throw new SignInRefusal(400, 'ValidationError', `durationSeconds must be an integer from ${DURATION.min} to ${DURATION.max}.`);
  }
  return {
    accountId: optionalText(b, 'accountId', /^[\w-]{1,63}$/),
    userName,
    password,
    mfaCode: optionalText(b, 'mfaCode', /^\d{6}$/),
    durationSeconds: (duration as number | undefined) ?? DURATION.default,
  };
}

/** The account id or its alias, as the AWS console's sign-in page takes either. */
function isThisAccount(state: AccountState, given: string | undefined): boolean {
  if (given === undefined || given === state.accountId) return true;
  const alias = getAccount(state.db)?.alias;
  return alias !== undefined && alias.toLowerCase() === given.toLowerCase();
}

export interface ConsoleSignInOptions {
  state: AccountState;
  now: () => Date;
}

/** The handler of CONSOLE_SIGN_IN_PATH. */
export function createConsoleSignIn(options: ConsoleSignInOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { state } = options;
  const throttle = new SignInThrottle();
  // Compared against when there is no such user or it has no console password, so every refusal costs one hash
  // check and a wrong user name takes as long as a wrong password.
  const decoy = hashPassword(randomUUID());
  const checkDecoy = async (password: string) => {
    await verifyPassword(password, await decoy);
  };

  async function signIn(input: SignInInput, sourceIp: string) {
    const now = options.now();
    if (!throttle.allows(input.userName, sourceIp, now)) {
      throw new SignInRefusal(429, 'Throttling', 'Too many failed sign-in attempts. Wait a few minutes, then try again.');
    }
    const user = isThisAccount(state, input.accountId) ? findUser(state.db, input.userName) : undefined;
    if (!user) {
      await checkDecoy(input.password);
      throttle.failed(input.userName, sourceIp, now);
      throw incorrect();
    }
    const owner = userOwner(user);
    const result = await signInWithPassword(state.db, owner, input.password, now);
    if (!result.ok) {
      // A wrong or hard-expired password was already checked against the user's hash.
      if (result.reason === 'no-login-profile') await checkDecoy(input.password);
      if (result.reason === 'expired-hard') {
        throw new SignInRefusal(401, 'PasswordExpired', 'Your password has expired and can only be reset by an administrator.');
      }
      throttle.failed(input.userName, sourceIp, now);
      throw incorrect();
    }
    const devices = listMfaDevices(state.db, owner).filter((d) => d.enableDate !== undefined);
    let mfaAuthenticatedAt: Date | undefined;
    if (devices.length > 0) {
      if (input.mfaCode === undefined) throw new SignInRefusal(401, 'MfaCodeRequired', 'Enter the code from your MFA device.');
      const code = input.mfaCode;
      if (!devices.some((d) => verifyMfaCode(state.db, d.serialNumber, code, now, { userName: user.name }))) {
        throttle.failed(input.userName, sourceIp, now);
        throw incorrect();
      }
      mfaAuthenticatedAt = now;
    }
    throttle.succeeded(input.userName);
    const mustChange = result.passwordResetRequired || result.expired;
    const session = state.db.transaction(() => {
      const created = createSession(state.db, {
        principal: { kind: 'user', userId: user.id },
        issuedAt: now,
        expiresAt: new Date(now.getTime() + input.durationSeconds * 1000),
        mfaAuthenticatedAt,
      });
      markConsoleSession(state.db, created.accessKeyId, user.id, mustChange);
      return created;
    })();
    return {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiresAt.toISOString(),
      mfaAuthenticated: mfaAuthenticatedAt !== undefined,
      passwordResetRequired: mustChange,
    };
  }

  return async (request, response) => {
    const requestId = randomUUID();
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(value);
      response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'cache-control': 'no-store', ...headers });
      response.end(text);
    };
    try {
      if (request.method !== 'POST') throw new SignInRefusal(405, 'MethodNotAllowed', 'Use POST.');
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) throw new SignInRefusal(415, 'UnsupportedMediaType', 'Send application/json.');
      const raw = await readBody(request, MAX_BODY_BYTES);
      if (raw === undefined) throw new SignInRefusal(413, 'RequestEntityTooLarge', `The body must not exceed ${MAX_BODY_BYTES} bytes.`);
      const address = request.socket.remoteAddress ?? '';
      send(200, await signIn(parseInput(raw), address));
    } catch (error) {
      if (error instanceof SignInRefusal) {
        send(error.status, { code: error.code, message: error.message, requestId }, error.status === 429 ? { 'retry-after': '300' } : {});
      } else {
        send(500, { code: 'ServiceFailure', message: 'The sign-in failed because of an unexpected error.', requestId });
      }
      if (error instanceof SignInRefusal && error.status === 413) response.on('finish', () => request.socket.destroySoon());
    }
  };
}
