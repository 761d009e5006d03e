// Every router refuses malformed params, bodies and queries with 400 ValidationError before calling AWS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';
import type { FakeAws } from './helpers/fake-aws.ts';

let h: Harness;
let aws: FakeAws;
let b: Awaited<ReturnType<typeof browser>>;
const policyArn = encodeURIComponent('arn:aws:iam::123456789012:policy/p');

beforeAll(async () => {
  aws = fakeAws({
    ...signInHandlers([admin]).handlers,
    GetUser: () => { throw awsError('ExpiredToken', 'The security token included in the request is expired', 403); },
  });
  h = createHarness(aws.makeClients);
  b = await browser(h.app);
  await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
});
afterAll(() => h?.close());

const cases: [string, string, object | undefined, string][] = [
  ['POST', '/api/users', { userName: '' }, 'userName'],
  ['POST', '/api/users', { userName: 'ok', path: 'no-slashes' }, 'path'],
  ['POST', '/api/users', { userName: 'ok', managedPolicyArns: ['arn:aws:s3:::bucket'] }, 'managedPolicyArns.0'],
  ['PATCH', '/api/users/alice', {}, ''],
  ['DELETE', '/api/users/bad%20name', undefined, 'userName'],
  ['POST', '/api/users/alice/groups', { groupName: 'a b' }, 'groupName'],
  ['PATCH', '/api/users/alice/access-keys/AKIAIOSFODNN7EXAMPLE', { status: 'Disabled' }, 'status'],
  ['DELETE', '/api/users/alice/access-keys/short', undefined, 'accessKeyId'],
  ['PUT', '/api/users/alice/login-profile', { password: '' }, 'password'],
  ['PUT', '/api/users/alice/inline-policies/p', { document: 'not json' }, 'document'],
  ['PUT', '/api/users/alice/tags', { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })) }, 'tags'],
  ['PUT', '/api/users/alice/permissions-boundary', { policyArn: 'nope' }, 'policyArn'],
  ['POST', '/api/groups', { groupName: 'x'.repeat(129) }, 'groupName'],
  ['POST', '/api/groups/g/users', { userName: 'bad/name' }, 'userName'],
  ['POST', '/api/roles', { roleName: 'r' }, 'assumeRolePolicyDocument'],
  ['PATCH', '/api/roles/r', { maxSessionDuration: 100 }, 'maxSessionDuration'],
  ['PUT', '/api/roles/r/trust-policy', { document: '' }, 'document'],
  ['GET', '/api/policies?scope=Nope', undefined, 'scope'],
  ['POST', '/api/policies', { policyName: 'p', document: '[1' }, 'document'],
  ['PUT', `/api/policies/${policyArn}/default-version`, { versionId: '1' }, 'versionId'],
  ['GET', `/api/policies/${policyArn}/versions/latest`, undefined, 'versionId'],
  ['PUT', '/api/account/alias', { alias: '-bad' }, 'alias'],
  ['PUT', '/api/account/password-policy', { MinimumPasswordLength: 200 }, 'MinimumPasswordLength'],
  ['GET', '/api/audit-log?limit=0', undefined, 'limit'],
];

describe('validation', () => {
  it.each(cases)('%s %s → 400 ValidationError on %s', async (method, url, body, path) => {
    const before = aws.calls.length;
    const send = { GET: b.get, POST: b.post, PUT: b.put, PATCH: b.patch, DELETE: b.delete }[method as 'GET']!;
    const res = await (body === undefined ? send(url) : (send as typeof b.post)(url, body));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(aws.calls.length).toBe(before); // refused before any AWS call
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await b.agent.post('/api/groups').set('x-csrf-token', b.csrf).set('content-type', 'application/json').send('{"groupName":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toBe('The request body is not valid JSON.');
  });

  it('does not echo a malformed sign-in body (JSON.parse quotes part of its input)', async () => {
    const res = await b.agent.post('/api/session').set('x-csrf-token', b.csrf).set('content-type', 'application/json')
      .send('{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY}');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.text).not.toContain('wJalrXUtnF');
  });
});

describe('AWS ExpiredToken', () => {
  it('becomes 401 SessionExpired and ends the sign-in', async () => {
    const other = await browser(h.app);
    await other.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await other.get('/api/users/alice');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SessionExpired');
    expect((await other.get('/api/session')).body.signedIn).toBe(false);
  });
});
