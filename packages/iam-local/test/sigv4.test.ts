import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { getAccessKeyLastUsed, updateAccessKeyStatus } from '../src/model/access-keys.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, sdkError, sessionKeys } from './helpers/fixtures.ts';

let t: TestServer;
let clockOffsetMs = 0;
beforeAll(async () => {
  t = await startTestServer({ now: () => new Date(Date.now() + clockOffsetMs) });
});
afterAll(() => t.close());

const INVALID = 'The security token included in the request is invalid.';

describe('SigV4 failures', () => {
  it('an unknown key id is InvalidClientTokenId', async () => {
    const e = await sdkError(t.stsAs({ accessKeyId: 'AKIAUNKNOWNUNKNOWN12', secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})));
    expect(e).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID, status: 403 });
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an inactive key is InvalidClientTokenId', async () => {
    const alice = addUser(t, 'alice');
    expect((await t.stsAs(alice.keys).send(new GetCallerIdentityCommand({}))).Arn).toBe(alice.arn);
    updateAccessKeyStatus(t.server.state.db, { kind: 'user', userId: alice.user.id, userName: 'alice', path: '/' }, alice.keys.accessKeyId, 'Inactive');
    const e = await sdkError(t.stsAs(alice.keys).send(new GetCallerIdentityCommand({})));
    expect(e).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID, status: 403 });
  });

  it('a wrong secret is SignatureDoesNotMatch', async () => {
    const e = await sdkError(t.stsAs({ accessKeyId: t.rootKeys.accessKeyId, secretAccessKey: 'y'.repeat(40) }).send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('SignatureDoesNotMatch');
    expect(e.status).toBe(403);
    expect(e.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  });

  it('a request dated more than 15 minutes ago is "Signature expired"', async () => {
    const client = new STSClient({ endpoint: t.url, region: 'us-east-1', credentials: t.rootKeys, maxAttempts: 1, systemClockOffset: -16 * 60 * 1000 });
    const e = await sdkError(client.send(new GetCallerIdentityCommand({})));
    client.destroy();
    expect(e.name).toBe('SignatureDoesNotMatch');
    expect(e.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it('a request dated more than 15 minutes ahead is "Signature not yet current"', async () => {
    const client = new STSClient({ endpoint: t.url, region: 'us-east-1', credentials: t.rootKeys, maxAttempts: 1, systemClockOffset: 16 * 60 * 1000 });
    const e = await sdkError(client.send(new GetCallerIdentityCommand({})));
    client.destroy();
    expect(e.name).toBe('SignatureDoesNotMatch');
    expect(e.message).toMatch(/^Signature not yet current: /);
  });

  it('a request within the window is accepted', async () => {
    const client = new STSClient({ endpoint: t.url, region: 'us-east-1', credentials: t.rootKeys, maxAttempts: 1, systemClockOffset: -10 * 60 * 1000 });
    expect((await client.send(new GetCallerIdentityCommand({}))).Account).toBe(t.accountId);
    client.destroy();
  });

  it('no Authorization header is MissingAuthenticationToken', async () => {
    const response = await fetch(`${t.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListUsers&Version=2010-05-08' });
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(text).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(text).toContain('<Message>Request is missing Authentication Token</Message>');
    expect(text).toContain(`<RequestId>${response.headers.get('x-amzn-requestid')}</RequestId>`);
    const sts = await fetch(`${t.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(sts.status).toBe(403);
    expect(await sts.text()).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
  });

  it('a malformed Authorization header is IncompleteSignature', async () => {
    const response = await fetch(`${t.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/iam/aws4_request', 'x-amz-date': '20260101T000000Z' },
      body: 'Action=ListUsers',
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain('<Code>IncompleteSignature</Code>');
    expect(text).toContain("Authorization header requires 'Signature' parameter.");
  });

  it('a body changed after signing fails the signature', async () => {
    const client = t.stsAs(t.rootKeys);
    type Args = { request: { body: string; headers: Record<string, string> } };
    const tamper = (next: (args: Args) => Promise<unknown>) => async (args: Args) => {
      args.request.body = `${args.request.body}&Extra=1`;
      args.request.headers['content-length'] = String(Buffer.byteLength(args.request.body));
      return next(args);
    };
    // The SDK's middleware types are generic over every command; this one only touches the serialized request.
    client.middlewareStack.addRelativeTo(tamper as never, { relation: 'after', toMiddleware: 'awsAuthMiddleware', name: 'tamper' });
    const e = await sdkError(client.send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('SignatureDoesNotMatch');
  });
});

describe('temporary credentials', () => {
  it('work with their session token and fail without it', async () => {
    const bob = addUser(t, 'bob');
    const { Credentials: c } = await t.stsAs(bob.keys).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expect(c?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c?.SecretAccessKey).toHaveLength(40);
    const temp = sessionKeys(c);
    const identity = await t.stsAs(temp).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(bob.arn);
    expect(identity.UserId).toBe(bob.user.id);

    const noToken = await sdkError(t.stsAs({ accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey }).send(new GetCallerIdentityCommand({})));
    expect(noToken).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID });
    const wrongToken = await sdkError(t.stsAs({ ...temp, sessionToken: `${temp.sessionToken}x` }).send(new GetCallerIdentityCommand({})));
    expect(wrongToken).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID });
  });

  it('a long-term key presented with a session token is refused', async () => {
    const e = await sdkError(t.stsAs({ ...t.rootKeys, sessionToken: 'something' }).send(new GetCallerIdentityCommand({})));
    expect(e).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID });
  });

  it('expire: ExpiredToken after their duration', async () => {
    const carol = addUser(t, 'carol');
    const { Credentials: c } = await t.stsAs(carol.keys).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const temp = sessionKeys(c);
    const expiration = c!.Expiration!.getTime();
    expect(expiration - Date.now()).toBeGreaterThan(890_000);
    expect(expiration - Date.now()).toBeLessThanOrEqual(900_000);
    clockOffsetMs = 901_000;
    try {
      // The client signs with the server's future clock so only the expiry can fail.
      const client = new STSClient({ endpoint: t.url, region: 'us-east-1', credentials: temp, maxAttempts: 1, systemClockOffset: clockOffsetMs });
      const e = await sdkError(client.send(new GetCallerIdentityCommand({})));
      client.destroy();
      expect(e).toMatchObject({ name: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 });
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe('key use', () => {
  it('a successful signature records the key use (service and region)', async () => {
    const dave = addUser(t, 'dave');
    expect(getAccessKeyLastUsed(t.server.state.db, dave.keys.accessKeyId)).toMatchObject({ region: 'N/A', serviceName: 'N/A', lastUsedDate: undefined });
    await t.stsAs(dave.keys).send(new GetCallerIdentityCommand({}));
    const used = getAccessKeyLastUsed(t.server.state.db, dave.keys.accessKeyId);
    expect(used.region).toBe('us-east-1');
    expect(used.serviceName).toBe('sts');
    expect(used.lastUsedDate).toBeInstanceOf(Date);
  });

  it('a wrong signature records nothing', async () => {
    const erin = addUser(t, 'erin');
    await sdkError(t.stsAs({ accessKeyId: erin.keys.accessKeyId, secretAccessKey: 'z'.repeat(40) }).send(new GetCallerIdentityCommand({})));
    expect(getAccessKeyLastUsed(t.server.state.db, erin.keys.accessKeyId).lastUsedDate).toBeUndefined();
  });
});
