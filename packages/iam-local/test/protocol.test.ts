import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { isWellFormedXml, rawCall as sendRaw, type RawCallOptions } from './helpers/raw-call.ts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';
import { addUser, sdkError } from './helpers/fixtures.ts';
import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { stsOperations } from '../src/operations/sts.ts';
import { requireString, USER_NAME } from '../src/protocol/params.ts';
import { noParameters, operation } from '../src/protocol/operation.ts';
import type { CallLogEntry } from '../src/protocol/pipeline.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const rawCall = (body: string, options: RawCallOptions & { keys?: Keys } = {}) => sendRaw(t.url, options.keys ?? t.rootKeys, body, options);

describe('success envelope', () => {
  it('GetCallerIdentity through the SDK returns the root identity', async () => {
    const out = await t.sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(t.accountId);
    expect(out.Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    expect(out.UserId).toBe(t.accountId);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders the STS namespace, Result element and a RequestId equal to the header', async () => {
    const r = await rawCall('Action=GetCallerIdentity&Version=2011-06-15', { service: 'sts' });
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('text/xml');
    expect(r.text).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(r.text).toContain('<GetCallerIdentityResult>');
    expect(r.text).toContain(`<Arn>arn:aws:iam::${t.accountId}:root</Arn>`);
    expect(r.text).toContain(`<RequestId>${r.requestId}</RequestId>`);
    expect(isWellFormedXml(r.text)).toBe(true);
  });

  it('accepts GET with the parameters in the query string', async () => {
    const r = await rawCall('', { service: 'sts', method: 'GET', query: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<GetCallerIdentityResult>');
  });
});

describe('error envelope', () => {
  it('InvalidAction for an unknown action, with the version in the message', async () => {
    const r = await rawCall('Action=FlyToTheMoon&Version=2010-05-08');
    expect(r.status).toBe(400);
    expect(r.text).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(r.text).toContain('<Type>Sender</Type>');
    expect(r.text).toContain('<Code>InvalidAction</Code>');
    expect(r.text).toContain('<Message>Could not find operation FlyToTheMoon for version 2010-05-08</Message>');
    expect(r.text).toContain(`<RequestId>${r.requestId}</RequestId>`);
  });

  it('InvalidAction for an STS action sent to the IAM service', async () => {
    const r = await rawCall('Action=GetCallerIdentity&Version=2010-05-08');
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Code>InvalidAction</Code>');
  });

  it('InvalidAction for a wrong version', async () => {
    const r = await rawCall('Action=GetCallerIdentity&Version=2099-01-01', { service: 'sts' });
    expect(r.text).toContain('<Message>Could not find operation GetCallerIdentity for version 2099-01-01</Message>');
  });

  it('MissingAction without an Action', async () => {
    const r = await rawCall('Version=2010-05-08');
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Code>MissingAction</Code>');
  });
});

describe('validation wording through the SDK', () => {
  it('one failure', async () => {
    const e = await sdkError(t.iam.send(new CreateUserCommand({ UserName: 'bad name!' })));
    expect(e).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(e.message).toBe("1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
  });

  it('several failures in one message', async () => {
    const e = await sdkError(t.iam.send(new CreateUserCommand({ UserName: `${'n'.repeat(65)}!`, Path: `/${'p'.repeat(512)}/` })));
    expect(e.message).toMatch(/^3 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64; Value at 'userName' .*regular expression pattern.*; Value at 'path' failed to satisfy constraint/);
  });

  it('MaxItems bounds on a list operation', async () => {
    const e = await sdkError(t.iam.send(new ListUsersCommand({ MaxItems: 1001 })));
    expect(e.message).toBe("1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000");
  });
});

describe('robustness', () => {
  it('refuses a body over the limit with 413 and stays up', async () => {
    const big = `Action=GetCallerIdentity&Version=2011-06-15&Pad=${'x'.repeat(1024 * 1024 + 10)}`;
    const response = await fetch(`${t.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<Code>RequestEntityTooLarge</Code>');
    const out = await t.sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(t.accountId);
  });

  it('answers a method other than GET/POST with an envelope', async () => {
    const r = await rawCall('', { service: 'sts', method: 'DELETE', query: 'Action=GetCallerIdentity' });
    expect(r.status).toBe(405);
    expect(r.text).toContain('<ErrorResponse');
  });
});

describe('pipeline with a test operation table', () => {
  let p: TestServer;
  const entries: CallLogEntry[] = [];
  beforeAll(async () => {
    p = await startTestServer({
      log: (entry) => entries.push(entry),
      operations: {
        ...stsOperations,
        Boom: {
          service: 'iam',
          parse: noParameters,
          authorize: () => [],
          handle: () => {
            throw new TypeError('cannot read properties of undefined');
          },
        },
        Checked: operation({
          service: 'iam',
          parse: (params) => requireString(params, 'UserName', USER_NAME),
          authorize: (params, ctx) => [{ action: 'iam:GetUser', resource: `arn:aws:iam::${ctx.state.accountId}:user/${params.UserName}` }],
          handle: (userName) => ({ Echo: userName, When: new Date('2026-01-02T03:04:05.000Z'), Items: [1, 2], Empty: [], Nothing: undefined }),
        }),
        Silent: { service: 'iam', parse: noParameters, authorize: () => [], handle: () => undefined },
      },
    });
  });
  afterAll(() => p.close());
  const call = (body: string, keys?: Keys) => sendRaw(p.url, keys ?? p.rootKeys, body);

  it('turns an unexpected exception into a 500 ServiceFailure envelope and logs it without secrets', async () => {
    const r = await call('Action=Boom&Version=2010-05-08&Password=hunter2-secret');
    expect(r.status).toBe(500);
    expect(r.text).toContain('<Type>Receiver</Type>');
    expect(r.text).toContain('<Code>ServiceFailure</Code>');
    expect(r.text).not.toContain('cannot read properties');
    const entry = entries.find((e) => e.requestId === r.requestId);
    expect(entry).toMatchObject({ action: 'Boom', status: 500, code: 'ServiceFailure' });
    expect(entry?.error).toContain('TypeError: cannot read properties of undefined');
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain('hunter2-secret');
    expect(logged).not.toContain(p.rootKeys.secretAccessKey);
  });

  it('validates before authorizing, as AWS does', async () => {
    const u = addUser(p, 'validated');
    const invalid = await call('Action=Checked&Version=2010-05-08&UserName=bad%20name', u.keys);
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('<Code>ValidationError</Code>');
    const valid = await call('Action=Checked&Version=2010-05-08&UserName=good', u.keys);
    expect(valid.status).toBe(403);
    expect(valid.text).toContain('<Code>AccessDenied</Code>');
  });

  it('renders result trees: timestamps, member lists, empty lists, omitted fields; no Result without output', async () => {
    const r = await call('Action=Checked&Version=2010-05-08&UserName=good');
    expect(r.text).toContain('<CheckedResult>');
    expect(r.text).toContain('<When>2026-01-02T03:04:05Z</When>');
    expect(r.text).toMatch(/<Items>\s*<member>1<\/member>\s*<member>2<\/member>\s*<\/Items>/);
    expect(r.text).toContain('<Empty/>');
    expect(r.text).not.toContain('Nothing');
    const silent = await call('Action=Silent&Version=2010-05-08');
    expect(silent.status).toBe(200);
    expect(silent.text).not.toContain('SilentResult');
    expect(silent.text).toContain('<SilentResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(isWellFormedXml(silent.text)).toBe(true);
  });
});
