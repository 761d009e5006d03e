// Groups, roles, policies and account routes against the embedded endpoint.
import { CreateUserCommand, GetGroupCommand, GetRoleCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let rootIam: IAMClient;
let b: Awaited<ReturnType<typeof browser>>;

const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } }] });

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  h = createHarness(endpoint.makeClients);
  rootIam = endpoint.iamAs(endpoint.rootKeys);
  await rootIam.send(new CreateUserCommand({ UserName: 'gina' }));
  b = await browser(h.app);
  expect((await b.signIn(endpoint.rootKeys)).status).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('policies', () => {
  let arn = '';
  it('creates a policy and returns its document decoded, versions and attachments', async () => {
    const created = await b.post('/api/policies', { policyName: 'list-things', description: 'List', document: doc('iam:List*') });
    expect(created.status).toBe(201);
    arn = created.body.policy.arn;
    expect(created.body.policy).toMatchObject({ policyName: 'list-things', awsManaged: false, defaultVersionId: 'v1' });
    const v2 = await b.post(`/api/policies/${encodeURIComponent(arn)}/versions`, { document: doc('iam:Get*'), setAsDefault: true });
    expect(v2.status).toBe(201);
    const detail = await b.get(`/api/policies/${encodeURIComponent(arn)}`);
    expect(detail.status).toBe(200);
    expect(JSON.parse(detail.body.document)).toEqual(JSON.parse(doc('iam:Get*')));
    expect(detail.body.versions.map((v: { versionId: string }) => v.versionId).sort()).toEqual(['v1', 'v2']);
    const v1 = await b.get(`/api/policies/${encodeURIComponent(arn)}/versions/v1`);
    expect(JSON.parse(v1.body.document)).toEqual(JSON.parse(doc('iam:List*')));
    const list = await b.get('/api/policies?scope=Local');
    expect(list.body.items.map((p: { policyName: string }) => p.policyName)).toContain('list-things');
  });

  it('refuses a malformed ARN and a document that is not JSON', async () => {
    const bad = await b.get('/api/policies/not-an-arn');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('policyArn');
    const notJson = await b.post('/api/policies', { policyName: 'x', document: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.details[0]).toMatchObject({ path: 'document', message: 'The policy document is not valid JSON' });
  });

  it('passes AWS’s MalformedPolicyDocument through as 400', async () => {
    const res = await b.post('/api/policies', { policyName: 'bad-doc', document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MalformedPolicyDocument');
    expect(res.body.error.requestId).toBeTruthy();
  });

  it('deletes a policy after detaching it and deleting old versions', async () => {
    expect((await b.post('/api/users/gina/attached-policies', { policyArn: arn })).status).toBe(204);
    const del = await b.delete(`/api/policies/${encodeURIComponent(arn)}`);
    expect(del.status).toBe(204);
    expect((await b.get(`/api/policies/${encodeURIComponent(arn)}`)).status).toBe(404);
    expect((await b.get('/api/users/gina')).body.attachedPolicies).toEqual([]);
  });
});

describe('groups', () => {
  it('creates a group with members and a policy, reads it, and deletes it with clean-up', async () => {
    const created = await b.post('/api/groups', { groupName: 'ops', users: ['gina'], managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect(created.status).toBe(201);
    const detail = await b.get('/api/groups/ops');
    expect(detail.body.users.map((u: { userName: string }) => u.userName)).toEqual(['gina']);
    expect(detail.body.attachedPolicies).toEqual([{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
    expect((await b.put('/api/groups/ops/inline-policies/extra', { document: doc('iam:GetUser') })).status).toBe(204);
    const list = await b.get('/api/groups');
    expect(list.body.items).toEqual([expect.objectContaining({ groupName: 'ops', memberCount: 1 })]);
    expect((await b.delete('/api/groups/ops')).status).toBe(204);
    await expect(rootIam.send(new GetGroupCommand({ GroupName: 'ops' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('undoes the group when adding a member fails', async () => {
    const res = await b.post('/api/groups', { groupName: 'half', users: ['gina', 'ghost'] });
    expect(res.status).toBe(404);
    expect(res.body.error.failedStep).toBe('Add user ghost');
    await expect(rootIam.send(new GetGroupCommand({ GroupName: 'half' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});

describe('roles', () => {
  it('creates a role, shows the decoded trust policy and switch-role link, updates and deletes it', async () => {
    const created = await b.post('/api/roles', { roleName: 'auditor-access', path: '/cross/', description: 'For auditors', assumeRolePolicyDocument: trust, maxSessionDuration: 7200 });
    expect(created.status).toBe(201);
    // CreateRole's own answer has neither (as AWS's): the console's answer still says what was set.
    expect(created.body.role).toMatchObject({ maxSessionDuration: 7200, description: 'For auditors' });
    const detail = await b.get('/api/roles/auditor-access');
    expect(detail.status).toBe(200);
    expect(JSON.parse(detail.body.role.assumeRolePolicyDocument)).toEqual(JSON.parse(trust));
    expect(detail.body.role).toMatchObject({ maxSessionDuration: 7200, description: 'For auditors', path: '/cross/' });
    expect(detail.body.switchRoleUrl).toBe(`https://signin.aws.amazon.com/switchrole?account=${endpoint.accountId}&roleName=cross%2Fauditor-access&displayName=auditor-access`);
    const patched = await b.patch('/api/roles/auditor-access', { maxSessionDuration: 3600 });
    expect(patched.body.role.maxSessionDuration).toBe(3600);
    expect((await b.patch('/api/roles/auditor-access', { maxSessionDuration: 60 })).status).toBe(400);
    expect((await b.delete('/api/roles/auditor-access')).status).toBe(204);
    await expect(rootIam.send(new GetRoleCommand({ RoleName: 'auditor-access' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});

describe('account', () => {
  it('shows the summary, sets and removes the alias, and edits the password policy', async () => {
    const overview = await b.get('/api/account');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ accountId: endpoint.accountId, summary: expect.objectContaining({ Users: expect.any(Number) }) });
    expect((await b.put('/api/account/alias', { alias: 'example-corp' })).status).toBe(204);
    expect((await rootIam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['example-corp']);
    expect((await b.put('/api/account/alias', { alias: 'Bad_Alias' })).status).toBe(400);
    expect((await b.delete('/api/account/alias')).status).toBe(204);
    expect((await b.get('/api/account/password-policy')).body).toEqual({ policy: null });
    const put = await b.put('/api/account/password-policy', { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true });
    expect(put.status).toBe(200);
    expect(put.body.policy).toMatchObject({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true });
    expect((await b.put('/api/account/password-policy', { MinimumPasswordLength: 3 })).status).toBe(400);
  });

  it('lists security recommendations from the summary and the credential report', async () => {
    const res = await b.get('/api/account/security-recommendations');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((i: { id: string; status: string }) => [i.id, i.status]));
    // Root signs in with an access key here, so the root-access-keys recommendation must flag it.
    expect(byId).toEqual({ 'root-mfa': 'attention', 'root-access-keys': 'attention', 'users-without-mfa': 'ok', 'old-access-keys': 'ok' });
  });
});
