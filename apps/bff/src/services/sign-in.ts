// Sign-in: verify long-term keys with GetCallerIdentity, find the user's MFA device, and trade the
// keys for temporary credentials with GetSessionToken. The long-term secret is never stored.
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { ListAccountAliasesCommand, ListMFADevicesCommand } from '@aws-sdk/client-iam';
import type { AwsClientFactory, AwsClients } from '../aws/clients.ts';
import { awsErrorCode, isAwsError } from '../aws/errors.ts';
import type { AwsErrorLike } from '../aws/errors.ts';
import { isAwsCode } from './shape.ts';
import { ApiError } from '../http/api-error.ts';
import type { TemporaryCredentials } from '../session/credential-cipher.ts';
import type { Identity, PrincipalType } from '../session/session-data.ts';

export interface SignInRequest {
  accessKeyId: string;
  secretAccessKey: string;
  mfaCode?: string | undefined;
  /** The MFA device the code is from; without it, the user's first device (the one MfaRequired names). */
  serialNumber?: string | undefined;
  /** How long the temporary credentials should last (AWS caps root at 1 hour). */
  durationSeconds: number;
}

export interface SignInResult {
  identity: Identity;
  credentials: TemporaryCredentials;
  mfaAuthenticated: boolean;
}

const INVALID_KEY_CODES = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'IncompleteSignature']);

export function describeArn(arn: string, accountId: string, userId: string): Identity {
  const resource = arn.split(':').slice(5).join(':');
  let type: PrincipalType = 'user';
  const identity: Identity = { arn, accountId, userId, type };
  if (resource === 'root') type = 'root';
  else if (resource.startsWith('assumed-role/')) {
    type = 'assumed-role';
    identity.roleName = resource.split('/')[1];
  } else identity.userName = resource.split('/').at(-1);
  identity.type = type;
  return identity;
}

async function verifyKeys(clients: AwsClients): Promise<Identity> {
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}));
    return describeArn(out.Arn ?? '', out.Account ?? '', out.UserId ?? '');
  } catch (err) {
    if (isAwsError(err) && INVALID_KEY_CODES.has(awsErrorCode(err))) {
      throw new ApiError(401, 'InvalidCredentials', `The access key ID or secret access key is not valid (AWS: ${err.message}).`, requestIdOf(err));
    }
    throw err;
  }
}

/** What the console knows of the principal's MFA devices before asking STS for a session. */
type MfaDevices =
  | { kind: 'listed'; serials: string[] }
  | { kind: 'refused'; refusal: AwsErrorLike }
  | { kind: 'not-looked-up' }; // root and roles: signed in without MFA

/** A force-MFA policy lets users list their own devices; without iam:ListMFADevices we cannot know. */
async function mfaDevices(clients: AwsClients, identity: Identity): Promise<MfaDevices> {
  if (identity.type !== 'user' || !identity.userName) return { kind: 'not-looked-up' };
  try {
    const out = await clients.iam.send(new ListMFADevicesCommand({ UserName: identity.userName }));
    return { kind: 'listed', serials: (out.MFADevices ?? []).flatMap((d) => (d.SerialNumber ? [d.SerialNumber] : [])) };
  } catch (err) {
    if (isAwsError(err) && isAwsCode(err, 'AccessDenied')) return { kind: 'refused', refusal: err };
    throw err;
  }
}

const requestIdOf = (err: AwsErrorLike) => (err.$metadata?.requestId ? { requestId: err.$metadata.requestId } : {});

/** The device serial to send with the code, or undefined to sign in without MFA. */
function chooseMfaDevice(devices: MfaDevices, request: SignInRequest): string | undefined {
  const { mfaCode, serialNumber } = request;
  if (devices.kind === 'not-looked-up') return undefined;
  if (devices.kind === 'refused') {
    // Without a code, sign in without MFA and let IAM decide later; a code needs its device, and guessing is no option.
    if (!mfaCode) return undefined;
    if (serialNumber) return serialNumber;
    throw new ApiError(400, 'MfaSerialNumberRequired', `IAM does not let this user list their MFA devices (AWS: ${devices.refusal.message}), so the console cannot tell which device the code is from. Enter the device's ARN as well (arn:aws:iam::<account id>:mfa/<device name>).`, requestIdOf(devices.refusal));
  }
  const { serials } = devices;
  if (!mfaCode) {
    if (serials.length === 0) return undefined;
    const several = serials.length > 1 ? `This user has ${serials.length} MFA devices: choose one and enter its current code.` : 'This user has an MFA device: enter the current code from it.';
    throw new ApiError(401, 'MfaRequired', several, { mfaSerialNumber: serials[0]!, mfaSerialNumbers: serials });
  }
  if (serialNumber === undefined) return serials[0];
  if (!serials.includes(serialNumber)) {
    throw new ApiError(400, 'UnknownMfaDevice', `${serialNumber} is not an MFA device of this user (theirs: ${serials.join(', ') || 'none'}).`, { mfaSerialNumbers: serials });
  }
  return serialNumber;
}

async function sessionToken(clients: AwsClients, request: SignInRequest, serialNumber: string | undefined) {
  try {
    const out = await clients.sts.send(
      new GetSessionTokenCommand({
        DurationSeconds: request.durationSeconds,
        ...(serialNumber && request.mfaCode ? { SerialNumber: serialNumber, TokenCode: request.mfaCode } : {}),
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
    if (serialNumber && request.mfaCode && isAwsError(err) && isAwsCode(err, 'AccessDenied', 'InvalidAuthenticationCode')) {
      throw new ApiError(401, 'InvalidMfaCode', `The MFA code is not valid for ${serialNumber} (AWS: ${err.message}).`, {
        ...requestIdOf(err),
        mfaSerialNumber: serialNumber,
      });
    }
    throw err;
  }
}

/**
 * The account alias, read with the new temporary credentials — which also proves IAM accepts them.
 * Real AWS refuses IAM calls made with GetSessionToken credentials obtained without MFA
 * (InvalidClientTokenId); that is said plainly instead of failing on every page later.
 */
async function accountAlias(clients: AwsClients, withMfa: boolean): Promise<string | null> {
  try {
    const out = await clients.iam.send(new ListAccountAliasesCommand({}));
    return out.AccountAliases?.[0] ?? null;
  } catch (err) {
    if (!withMfa && isAwsCode(err, 'InvalidClientTokenId')) {
      throw new ApiError(401, 'MfaRequiredForIam', 'AWS accepts IAM calls from a console session only when it was opened with an MFA code. Assign an MFA device to this user and sign in with its code (or run the console with IAM_CONSOLE_USE_CREDENTIAL_CHAIN for a single-user setup).');
    }
    // Not everyone may list aliases, and the alias is decoration; anything else (a broken client, an
    // unreachable endpoint) is a real failure and must not pass as "no alias".
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
  const serialNumber = chooseMfaDevice(await mfaDevices(longTerm, identity), request);
  const credentials = await sessionToken(longTerm, request, serialNumber);
  const mfaAuthenticated = Boolean(serialNumber && request.mfaCode);
  identity.accountAlias = await accountAlias(makeClients(credentials), mfaAuthenticated);
  return { identity, credentials, mfaAuthenticated };
}

/** Single-user local setup: whoever the SDK's default credential chain resolves to. */
export async function identifyCredentialChain(makeClients: AwsClientFactory): Promise<Identity> {
  const clients = makeClients(undefined);
  const identity = await verifyKeys(clients);
  identity.accountAlias = await accountAlias(clients, true);
  return identity;
}
