// Sign-in: verify the long-term key with GetCallerIdentity, find the user's MFA device, then choose what the
// session calls AWS with:
// - with an MFA code: temporary credentials from GetSessionToken with SerialNumber/TokenCode (MFA-authenticated);
//   the long-term secret is not kept;
// - without MFA (a user with no device, the root user): the verified long-term key itself. AWS leaves no other way:
//   GetSessionToken credentials "cannot call IAM API operations unless MFA information is included with the
//   request" (IAM User Guide, "Comparing AWS STS credentials"; real AWS answers 403 InvalidClientTokenId), so a
//   user without MFA — including one under the force-MFA policy who has to enroll a device through the console —
//   could not use the console at all. This departs on purpose from keeping "only temporary credentials".
// Either way the credentials are kept only sealed (AES-256-GCM, bound to the session id) in the server-side store,
// never logged, never sent to the browser, dropped at sign-out and at the idle or absolute timeout.
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { mfaDeviceType, parseArn } from '@iam-console/api-contract/arn.ts';
import { ListAccountAliasesCommand, ListMFADevicesCommand } from '@aws-sdk/client-iam';
import type { AwsClientFactory, AwsClients } from '../aws/clients.ts';
import { awsErrorCode, isAwsError, requestIdOf, trimEnd } from '../aws/errors.ts';
import type { AwsErrorLike } from '../aws/errors.ts';
import { isAwsCode } from './shape.ts';
import { ApiError } from '../http/api-error.ts';
import type { SessionCredentials } from '../session/credential-cipher.ts';
import type { Identity } from '../session/session-data.ts';

export interface SignInRequest {
  accessKeyId: string;
  secretAccessKey: string;
  mfaCode?: string | undefined;
  /** The MFA device the code is from; without it, the user's first device (the one MfaRequired names). */
  serialNumber?: string | undefined;
  /** How long the session may last (its absolute timeout); STS gets it within its 15 minutes to 36 hours. */
  durationSeconds: number;
}

export interface SignInResult {
  identity: Identity;
  /** With a session token when MFA-authenticated; else the verified long-term key (see the top of this file). */
  credentials: SessionCredentials;
  mfaAuthenticated: boolean;
}

/** GetSessionToken's DurationSeconds range for IAM users. */
const STS_DURATION = { min: 900, max: 129_600 } as const;

const INVALID_KEY_CODES = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'IncompleteSignature']);

/** Who GetCallerIdentity's ARN names: the root user, an IAM user (by name) or an assumed role (by the role's name). */
export function describeArn(arn: string, accountId: string, userId: string): Identity {
  const parts = parseArn(arn);
  const identity: Identity = { arn, accountId, userId, type: 'user' };
  if (parts?.resourceType === 'root') identity.type = 'root';
  else if (parts?.resourceType === 'assumed-role') {
    identity.type = 'assumed-role';
    identity.roleName = parts.name;
  } else identity.userName = parts?.name ?? '';
  return identity;
}

async function verifyKeys(clients: AwsClients): Promise<Identity> {
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}));
    return describeArn(out.Arn ?? '', out.Account ?? '', out.UserId ?? '');
  } catch (err) {
    if (isAwsError(err) && INVALID_KEY_CODES.has(awsErrorCode(err))) {
      throw new ApiError(401, 'InvalidCredentials', `The access key ID or secret access key is not valid (AWS: ${trimEnd(err.message)}).`, requestIdOf(err));
    }
    throw err;
  }
}

/** What the console knows of the principal's MFA devices before asking STS for a session. */
type MfaDevices =
  | { kind: 'listed'; serials: string[] }
  | { kind: 'refused'; refusal: AwsErrorLike }
  | { kind: 'not-looked-up' }; // root and roles: signed in without MFA

/**
 * A FIDO security key (`arn:aws:iam::<account>:u2f/…`) gives no code, and STS takes none from it ("You cannot
 * pass the MFA information for a FIDO security key to AWS STS API operations", IAM User Guide): it is no device
 * to ask for at sign-in. Virtual devices (`:mfa/…`) and hardware TOTP tokens (serial numbers) are.
 */
function isSecurityKey(serialNumber: string): boolean {
  return mfaDeviceType(serialNumber) === 'SecurityKey';
}

/** A force-MFA policy lets users list their own devices; without iam:ListMFADevices we cannot know. */
async function mfaDevices(clients: AwsClients, identity: Identity): Promise<MfaDevices> {
  if (identity.type !== 'user' || !identity.userName) return { kind: 'not-looked-up' };
  try {
    const out = await clients.iam.send(new ListMFADevicesCommand({ UserName: identity.userName }));
    const serials = (out.MFADevices ?? []).flatMap((d) => (d.SerialNumber && !isSecurityKey(d.SerialNumber) ? [d.SerialNumber] : []));
    return { kind: 'listed', serials };
  } catch (err) {
    if (isAwsError(err) && isAwsCode(err, 'AccessDenied')) return { kind: 'refused', refusal: err };
    throw err;
  }
}

export interface MfaProof {
  serialNumber: string;
  tokenCode: string;
}

/** The device and code to open an MFA session with, or undefined to sign in without MFA. */
function chooseMfa(devices: MfaDevices, request: SignInRequest): MfaProof | undefined {
  const { mfaCode, serialNumber } = request;
  if (devices.kind === 'not-looked-up') return undefined;
  if (devices.kind === 'refused') {
    // Without a code, sign in without MFA and let IAM decide later; a code needs its device, and guessing is no option.
    if (!mfaCode) return undefined;
    if (serialNumber) return { serialNumber, tokenCode: mfaCode };
    throw new ApiError(400, 'MfaSerialNumberRequired', `IAM does not let this user list their MFA devices (AWS: ${devices.refusal.message}), so the console cannot tell which device the code is from. Enter the device's ARN as well (arn:aws:iam::<account id>:mfa/<device name>).`, requestIdOf(devices.refusal));
  }
  const { serials } = devices;
  if (!mfaCode) {
    if (serials.length === 0) return undefined;
    const several = serials.length > 1 ? `This user has ${serials.length} MFA devices: choose one and enter its current code.` : 'This user has an MFA device: enter the current code from it.';
    throw new ApiError(401, 'MfaRequired', several, { mfaSerialNumber: serials[0]!, mfaSerialNumbers: serials });
  }
  if (serialNumber !== undefined && !serials.includes(serialNumber)) {
    throw new ApiError(400, 'UnknownMfaDevice', `${serialNumber} is not an MFA device of this user (theirs: ${serials.join(', ') || 'none'}).`, { mfaSerialNumbers: serials });
  }
  const chosen = serialNumber ?? serials[0];
  // A code from a user without any device proves nothing: signed in without MFA.
  return chosen === undefined ? undefined : { serialNumber: chosen, tokenCode: mfaCode };
}

/** MFA-authenticated temporary credentials for the long-term key. */
export async function mfaSessionToken(clients: AwsClients, durationSeconds: number, { serialNumber, tokenCode }: MfaProof): Promise<SessionCredentials> {
  try {
    const out = await clients.sts.send(
      new GetSessionTokenCommand({
        DurationSeconds: Math.max(STS_DURATION.min, Math.min(durationSeconds, STS_DURATION.max)),
        SerialNumber: serialNumber,
        TokenCode: tokenCode,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new ApiError(502, 'InvalidStsResponse', 'STS returned no temporary credentials.');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration).toISOString(),
    };
  } catch (err) {
    if (isAwsError(err) && isAwsCode(err, 'AccessDenied', 'InvalidAuthenticationCode')) {
      throw new ApiError(401, 'InvalidMfaCode', `The MFA code is not valid for ${serialNumber} (AWS: ${trimEnd(err.message)}).`, {
        ...requestIdOf(err),
        mfaSerialNumber: serialNumber,
      });
    }
    throw err;
  }
}

/** Without MFA the session keeps the verified long-term key until its absolute timeout (see the top of this file). */
function longTermKey(request: SignInRequest): SessionCredentials {
  return {
    accessKeyId: request.accessKeyId,
    secretAccessKey: request.secretAccessKey,
    expiration: new Date(Date.now() + request.durationSeconds * 1000).toISOString(),
  };
}

/**
 * The account alias, read with the session's credentials. Not everyone may list aliases, and the alias is
 * decoration; anything else (a broken client, an unreachable endpoint) is a real failure and must not pass as
 * "no alias".
 */
export async function accountAlias(clients: AwsClients): Promise<string | null> {
  try {
    const out = await clients.iam.send(new ListAccountAliasesCommand({}));
    return out.AccountAliases?.[0] ?? null;
  } catch (err) {
    if (isAwsCode(err, 'AccessDenied')) return null;
    throw err;
  }
}

export async function signIn(makeClients: AwsClientFactory, request: SignInRequest): Promise<SignInResult> {
  if (request.accessKeyId.startsWith('ASIA')) {
    throw new ApiError(400, 'TemporaryKeyNotSupported', 'Sign in with a long-term access key (AKIA…), not temporary credentials.');
  }
  const longTerm = makeClients({ accessKeyId: request.accessKeyId, secretAccessKey: request.secretAccessKey });
  const identity = await verifyKeys(longTerm);
  const mfa = chooseMfa(await mfaDevices(longTerm, identity), request);
  const credentials = mfa ? await mfaSessionToken(longTerm, request.durationSeconds, mfa) : longTermKey(request);
  identity.accountAlias = await accountAlias(mfa ? makeClients(credentials) : longTerm);
  return { identity, credentials, mfaAuthenticated: mfa !== undefined };
}

/** Single-user local setup: whoever the SDK's default credential chain resolves to. */
export async function identifyCredentialChain(makeClients: AwsClientFactory): Promise<Identity> {
  const clients = makeClients(undefined);
  const identity = await verifyKeys(clients);
  identity.accountAlias = await accountAlias(clients);
  return identity;
}
