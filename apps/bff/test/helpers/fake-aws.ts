// A small in-memory stand-in for IAM/STS for unit tests: real SDK clients whose requests are answered
// by handlers keyed by command name, before anything goes on the wire. Integration tests use iam-local.
import { IAMServiceException } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { createAwsClientFactory } from '../../src/aws/clients.ts';
import type { AwsClientFactory, AwsCredentials } from '../../src/aws/clients.ts';

export type FakeHandler = (input: Record<string, unknown>, caller: AwsCredentials | undefined) => Record<string, unknown> | Promise<Record<string, unknown>>;

let requestCounter = 0;

export function awsError(name: string, message: string, httpStatusCode: number): IAMServiceException {
  return new IAMServiceException({
    name,
    message,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: `req-${name}-${++requestCounter}` },
  });
}

export interface FakeAws {
  makeClients: AwsClientFactory;
  calls: { command: string; input: Record<string, unknown>; caller: AwsCredentials | undefined }[];
}

export function fakeAws(handlers: Record<string, FakeHandler>): FakeAws {
  const real = createAwsClientFactory({ region: 'us-east-1', iamEndpoint: 'http://127.0.0.1:9', stsEndpoint: 'http://127.0.0.1:9' });
  const calls: FakeAws['calls'] = [];
  const makeClients: AwsClientFactory = (credentials, onRequestId) => {
    const clients = real(credentials, onRequestId);
    for (const client of [clients.iam, clients.sts]) {
      // STS's stack has the same shape; typed as IAM's so one middleware serves both.
      const stack = client.middlewareStack as unknown as IAMClient['middlewareStack'];
      stack.add(
        (_next, context) => async (args) => {
          // Resolve the credentials as the signer would before anything goes on the wire, so a
          // credentials object the SDK cannot use fails here too (answering earlier once hid that).
          if (credentials) await client.config.credentials();
          const command = String(context.commandName).replace(/Command$/, '');
          const input = args.input as Record<string, unknown>;
          calls.push({ command, input, caller: credentials });
          const handler = handlers[command];
          if (!handler) throw awsError('InvalidAction', `fake: ${command} is not implemented`, 400);
          try {
            const output = await handler(input, credentials);
            const requestId = `req-${command}-${++requestCounter}`;
            onRequestId?.(requestId);
            return { output: { ...output, $metadata: { httpStatusCode: 200, requestId } } as never, response: {} };
          } catch (err) {
            const id = (err as { $metadata?: { requestId?: string } }).$metadata?.requestId;
            if (id) onRequestId?.(id);
            throw err;
          }
        },
        { step: 'initialize', name: 'fakeAws' },
      );
    }
    return clients;
  };
  return { makeClients, calls };
}

export const ACCOUNT = '123456789012';

/** Long-term keys the fake STS accepts, with the principal each one belongs to and its MFA state. */
export interface FakePrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  userName?: string;
  mfaSerial?: string;
  mfaCode?: string;
}

export const admin: FakePrincipal = { accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'admin-secret-0123456789abcdefghijklmnopq', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice' };
export const mfaUser: FakePrincipal = { accessKeyId: 'AKIAMFAUSER000000001', secretAccessKey: 'mfa-secret-0123456789abcdefghijklmnopqrs', arn: `arn:aws:iam::${ACCOUNT}:user/bob`, userName: 'bob', mfaSerial: `arn:aws:iam::${ACCOUNT}:mfa/bob`, mfaCode: '123456' };
export const root: FakePrincipal = { accessKeyId: 'AKIAROOT000000000001', secretAccessKey: 'root-secret-0123456789abcdefghijklmnopq', arn: `arn:aws:iam::${ACCOUNT}:root` };

/** STS + ListMFADevices enough to sign in; issued session keys map back to their principal. */
export function signInHandlers(principals: FakePrincipal[], expiresInMs = 3_600_000): { handlers: Record<string, FakeHandler>; principalOf(caller: AwsCredentials | undefined): FakePrincipal | undefined } {
  const sessions = new Map<string, FakePrincipal>();
  const principalOf = (caller: AwsCredentials | undefined) => {
    if (!caller) return undefined;
    if (caller.sessionToken) return sessions.get(caller.accessKeyId);
    const p = principals.find((x) => x.accessKeyId === caller.accessKeyId);
    if (!p) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    if (p.secretAccessKey !== caller.secretAccessKey) throw awsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
    return p;
  };
  let n = 0;
  const handlers: Record<string, FakeHandler> = {
    GetCallerIdentity: (_i, caller) => {
      const p = principalOf(caller);
      return { Arn: p?.arn, Account: ACCOUNT, UserId: p?.userName ? `AIDA${p.userName.toUpperCase()}` : ACCOUNT };
    },
    ListMFADevices: (input, caller) => {
      const p = principalOf(caller);
      const owner = principals.find((x) => x.userName === input.UserName);
      if (!p || !owner) throw awsError('NoSuchEntity', `The user with name ${String(input.UserName)} cannot be found.`, 404);
      return { MFADevices: owner.mfaSerial ? [{ UserName: owner.userName, SerialNumber: owner.mfaSerial, EnableDate: new Date() }] : [] };
    },
    GetSessionToken: (input, caller) => {
      const p = principalOf(caller);
      if (!p) throw awsError('AccessDenied', 'no', 403);
      if (input.TokenCode !== undefined && (input.SerialNumber !== p.mfaSerial || input.TokenCode !== p.mfaCode)) {
        throw awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
      }
      const key = `ASIATEMP${String(++n).padStart(12, '0')}`;
      sessions.set(key, p);
      return { Credentials: { AccessKeyId: key, SecretAccessKey: `temp-secret-${n}-abcdefghijklmnopqrstuvwxyz`, SessionToken: `temp-token-${n}`, Expiration: new Date(Date.now() + expiresInMs) } };
    },
    ListAccountAliases: () => ({ AccountAliases: ['example-corp'] }),
  };
  return { handlers, principalOf };
}
