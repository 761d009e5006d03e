// Builds the IAM and STS clients for a session's credentials (session/session-clients.ts keeps them
// between that session's requests); connections are shared, credentials are not.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { sha256 } from './sha256.ts';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsClients {
  iam: IAMClient;
  sts: STSClient;
}

export interface AwsEndpoints {
  region: string;
  iamEndpoint: string | undefined;
  stsEndpoint: string | undefined;
}

/** Called with the AWS request id of every response, success or error (for the audit log). */
export type RequestIdListener = (requestId: string) => void;

/** `credentials` undefined means the SDK's default provider chain (single-user local setup). */
export type AwsClientFactory = (
  credentials: AwsCredentials | undefined,
  onRequestId?: RequestIdListener,
) => AwsClients;

type DeserializeStep = Parameters<IAMClient['middlewareStack']['add']>[0] & Parameters<STSClient['middlewareStack']['add']>[0];

function requestIdRecorder(listener: RequestIdListener) {
  const middleware: DeserializeStep = (next) => async (args) => {
      try {
        const result = await next(args);
        const id = (result.output as { $metadata?: { requestId?: string } }).$metadata?.requestId;
        if (id) listener(id);
        return result;
      } catch (err) {
        const id = (err as { $metadata?: { requestId?: string } }).$metadata?.requestId;
        if (id) listener(id);
        throw err;
      }
  };
  return middleware;
}

// Settings the SDK would otherwise look up in the environment and ~/.aws/config on every client
// construction (about 0.5 ms each, per request): fixed once here.
const FIXED_CLIENT_SETTINGS = {
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  maxAttempts: 3,
  retryMode: 'standard',
  defaultsMode: 'standard' as const,
  userAgentAppId: 'iam-console',
  authSchemePreference: [] as string[],
  sha256,
};

/**
 * Exactly the fields the SDK reads. Callers hold richer objects (the session's temporary credentials
 * carry `expiration` as an ISO string), and the SDK calls `expiration.getTime()` on whatever it is given.
 */
function sdkCredentials(c: AwsCredentials): AwsCredentials {
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
}

/** The regions of the aws partition (the SDK's partition data spells them this way); not cn-, us-gov-, iso regions. */
const AWS_PARTITION_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/;

/**
 * The region IAM requests are signed for. IAM is global: in the aws partition "IAM calls are always made to the
 * us-east-1 Region" (IAM User Guide, "AWS global condition context keys", aws:RequestedRegion), and an IAM
 * endpoint refuses a signature scoped to another region. Only STS is regional. In other partitions the SDK finds
 * IAM's endpoint and signing region from the configured region, so that stays.
 */
export function iamSigningRegion(region: string): string {
  return AWS_PARTITION_REGION.test(region) ? 'us-east-1' : region;
}

type RetryToken = Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>[0];
type RetryErrorInfo = Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>[1];

/** IAM's quota refusal (LimitExceeded, HTTP 409): the same answer however often it is asked. */
export function isQuotaRefusal(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'LimitExceededException' && e.$metadata?.httpStatusCode === 409;
}

/**
 * The SDK's standard retries, except for IAM's quota refusals: the SDK counts the error name
 * LimitExceededException as throttling and retried "Cannot exceed quota for AccessKeysPerUser: 2" twice with
 * back-off, so the person waited ~1.6 s for the same refusal. IAM throttles with Throttling (HTTP 400), which
 * is still retried.
 */
export class IamRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): ReturnType<StandardRetryStrategy['refreshRetryTokenForRetry']> {
    if (isQuotaRefusal(errorInfo.error)) throw new Error('IAM quota refusals are not retried');
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

export function createAwsClientFactory(endpoints: AwsEndpoints): AwsClientFactory {
  const iamRegion = iamSigningRegion(endpoints.region);
  // Clients are per session, connections are not: keep-alive agents (which hold no credentials) are
  // shared so no session pays a new TCP/TLS handshake.
  const requestHandler = {
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
  };
  return (credentials, onRequestId) => {
    const common = { region: endpoints.region, requestHandler, ...FIXED_CLIENT_SETTINGS, ...(credentials ? { credentials: sdkCredentials(credentials) } : {}) };
    // At the deserialize step, ahead of the SDK's deserializer: every attempt's parsed output or error passes here.
    const idOptions = { step: 'deserialize' as const, priority: 'high' as const, name: 'iamConsoleRequestIds' };
    const iam = new IAMClient({ ...common, region: iamRegion, retryStrategy: new IamRetryStrategy(FIXED_CLIENT_SETTINGS.maxAttempts), ...(endpoints.iamEndpoint ? { endpoint: endpoints.iamEndpoint } : {}) });
    if (onRequestId) iam.middlewareStack.add(requestIdRecorder(onRequestId), idOptions);
    // Most requests call IAM only: the STS client is built on first use (building one costs ~70 µs).
    let sts: STSClient | undefined;
    return {
      iam,
      get sts() {
        if (!sts) {
          sts = new STSClient({ ...common, ...(endpoints.stsEndpoint ? { endpoint: endpoints.stsEndpoint } : {}) });
          if (onRequestId) sts.middlewareStack.add(requestIdRecorder(onRequestId), idOptions);
        }
        return sts;
      },
    };
  };
}
