// The region and service of the SigV4 credential scope: IAM is signed for us-east-1 only, STS for any region
// with an STS endpoint; anything else is refused as AWS refuses it, and the accepted region is aws:RequestedRegion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { getAccessKeyLastUsed } from '../src/model/access-keys.ts';
import { addRole, addUser, policy, sdkError } from './helpers/fixtures.ts';
import { rawCall } from './helpers/raw-call.ts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const clients: { destroy(): void }[] = [];
afterAll(() => clients.forEach((c) => c.destroy()));
function iamIn(region: string, keys: Keys = t.rootKeys): IAMClient {
  const client = new IAMClient({ endpoint: t.url, region, credentials: keys, maxAttempts: 1 });
  clients.push(client);
  return client;
}
function stsIn(region: string, keys: Keys = t.rootKeys): STSClient {
  const client = new STSClient({ endpoint: t.url, region, credentials: keys, maxAttempts: 1 });
  clients.push(client);
  return client;
}

describe('IAM: signed for us-east-1 only', () => {
  it('an IAM client in eu-west-1 is refused with 403 SignatureDoesNotMatch naming the region', async () => {
    const e = await sdkError(iamIn('eu-west-1').send(new ListUsersCommand({})));
    expect(e).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(e.message.trim()).toBe("Credential should be scoped to a valid region, not 'eu-west-1'.");
  });

  it('the raw answer is an IAM error envelope with the trailing space AWS sends', async () => {
    const r = await rawCall(t.url, t.rootKeys, 'Action=ListUsers&Version=2010-05-08', { region: 'us-west-2' });
    expect(r.status).toBe(403);
    expect(r.text).toMatch(/^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/);
    expect(r.text).toContain("<Message>Credential should be scoped to a valid region, not 'us-west-2'. </Message>");
  });

  it('an IAM client in us-east-1 works', async () => {
    expect((await iamIn('us-east-1').send(new ListUsersCommand({}))).Users).toEqual([]);
  });

  it('a refused scope is not a use of the key', async () => {
    const u = addUser(t, 'wrong-region', { all: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) });
    await sdkError(iamIn('eu-west-1', u.keys).send(new ListUsersCommand({})));
    await sdkError(stsIn('nowhere-1', u.keys).send(new GetCallerIdentityCommand({})));
    expect(getAccessKeyLastUsed(t.server.state.db, u.keys.accessKeyId).lastUsedDate).toBeUndefined();
  });
});

describe('STS: any region with an STS endpoint', () => {
  it('an STS client in eu-west-1 works, and the key use records eu-west-1', async () => {
    const u = addUser(t, 'in-ireland');
    expect((await stsIn('eu-west-1', u.keys).send(new GetCallerIdentityCommand({}))).Arn).toBe(u.arn);
    expect(getAccessKeyLastUsed(t.server.state.db, u.keys.accessKeyId)).toMatchObject({ region: 'eu-west-1', serviceName: 'sts' });
  });

  it('an STS client in nowhere-1 is refused with 403 SignatureDoesNotMatch', async () => {
    const e = await sdkError(stsIn('nowhere-1').send(new GetCallerIdentityCommand({})));
    expect(e).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(e.message.trim()).toBe('Credential should be scoped to a valid region.');
    const r = await rawCall(t.url, t.rootKeys, 'Action=GetCallerIdentity&Version=2011-06-15', { service: 'sts', region: 'nowhere-1' });
    expect(r.text).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(r.text).toContain('<Message>Credential should be scoped to a valid region. </Message>');
  });

  it('aws:RequestedRegion is the region of the scope', async () => {
    const u = addUser(t, 'assumer', { assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) });
    addRole(
      t,
      'IrelandOnly',
      policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
    );
    const input = { RoleArn: `arn:aws:iam::${t.accountId}:role/IrelandOnly`, RoleSessionName: 'session' };
    expect((await stsIn('eu-west-1', u.keys).send(new AssumeRoleCommand(input))).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/IrelandOnly/session`);
    expect(await sdkError(stsIn('us-east-2', u.keys).send(new AssumeRoleCommand(input)))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('the service in the scope', () => {
  it('a scope for another service is refused with the service the action belongs to', async () => {
    const iam = await rawCall(t.url, t.rootKeys, 'Action=ListUsers&Version=2010-05-08', { service: 's3' });
    expect(iam.status).toBe(403);
    expect(iam.text).toContain("<Message>Credential should be scoped to correct service: 'iam'. </Message>");
    const sts = await rawCall(t.url, t.rootKeys, 'Action=GetCallerIdentity&Version=2011-06-15', { service: 's3' });
    expect(sts.status).toBe(403);
    expect(sts.text).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(sts.text).toContain("<Message>Credential should be scoped to correct service: 'sts'. </Message>");
  });

  it('a scope wrong in region and service gets both sentences, region first', async () => {
    const sts = await rawCall(t.url, t.rootKeys, 'Action=GetCallerIdentity&Version=2011-06-15', { service: 's3', region: 'nowhere-1' });
    expect(sts.text).toContain("<Message>Credential should be scoped to a valid region. Credential should be scoped to correct service: 'sts'. </Message>");
    const iam = await rawCall(t.url, t.rootKeys, 'Action=ListUsers&Version=2010-05-08', { service: 's3', region: 'eu-west-1' });
    expect(iam.text).toContain("<Message>Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'iam'. </Message>");
  });
});
