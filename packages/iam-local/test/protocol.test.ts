import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { isWellFormedXml, rawCall as sendRaw, type RawCallOptions } from './helpers/raw-call.ts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';

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
