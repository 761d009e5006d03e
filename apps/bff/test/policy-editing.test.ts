// What the policy editor saves, against the embedded endpoint: a new default version of a managed policy (and
// the five-version limit the editor makes room under), Set as default, a role's trust policy, and inline
// policies of groups and roles created, edited and deleted. Every answer is checked against the API contract.
import { CreateGroupCommand, CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
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

const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }, null, 2);
const trust = (principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] }, null, 2);

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  h = createHarness(endpoint.makeClients);
  rootIam = endpoint.iamAs(endpoint.rootKeys);
  await rootIam.send(new CreateGroupCommand({ GroupName: 'editors' }));
  await rootIam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: trust('arn:aws:iam::111122223333:root') }));
  b = await browser(h.app, { checkAnswers: true });
  expect((await b.signIn(endpoint.rootKeys)).status).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('managed policy versions', () => {
  let path = '';
  const versions = async () => (await b.get(path)).body.versions as { versionId: string; isDefaultVersion: boolean }[];

  it('saves changes as a new default version, up to five versions', async () => {
    const created = await b.post('/api/policies', { policyName: 'edited', document: doc('iam:GetUser') });
    expect(created.status).toBe(201);
    path = `/api/policies/${encodeURIComponent(created.body.policy.arn)}`;
    for (const [index, action] of ['iam:GetGroup', 'iam:GetRole', 'iam:GetPolicy', 'iam:GetUserPolicy'].entries()) {
      const saved = await b.post(`${path}/versions`, { document: doc(action), setAsDefault: true });
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({ versionId: `v${index + 2}`, isDefaultVersion: true });
    }
    const detail = await b.get(path);
    expect(detail.body.policy.defaultVersionId).toBe('v5');
    expect(JSON.parse(detail.body.document)).toEqual(JSON.parse(doc('iam:GetUserPolicy')));
    expect((await versions()).filter((v) => v.isDefaultVersion).map((v) => v.versionId)).toEqual(['v5']);
  });

  it('refuses a sixth version with LimitExceeded, and saves once the oldest non-default version is deleted', async () => {
    const refused = await b.post(`${path}/versions`, { document: doc('iam:ListUsers'), setAsDefault: true });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.error.code).toBe('LimitExceeded');
    expect(refused.body.error.requestId).toBeTruthy();
    expect((await versions()).length).toBe(5);

    expect((await b.delete(`${path}/versions/v1`)).status).toBe(204);
    const saved = await b.post(`${path}/versions`, { document: doc('iam:ListUsers'), setAsDefault: true });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ versionId: 'v6', isDefaultVersion: true });
    expect((await versions()).map((v) => v.versionId).sort()).toEqual(['v2', 'v3', 'v4', 'v5', 'v6']);
  });

  it('sets an older version as default, and never deletes the default version', async () => {
    expect((await b.put(`${path}/default-version`, { versionId: 'v3' })).status).toBe(204);
    const detail = await b.get(path);
    expect(detail.body.policy.defaultVersionId).toBe('v3');
    expect((await versions()).find((v) => v.isDefaultVersion)?.versionId).toBe('v3');
    const refused = await b.delete(`${path}/versions/v3`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.error.code).toBe('DeleteConflict');
    const missing = await b.put(`${path}/default-version`, { versionId: 'v1' });
    expect(missing.body.error.code).toBe('NoSuchEntity');
  });
});

describe('trust policy', () => {
  it('replaces a role\'s trust policy (UpdateAssumeRolePolicy) and the detail shows it', async () => {
    const next = trust('arn:aws:iam::444455556666:root');
    expect((await b.put('/api/roles/deployer/trust-policy', { document: next })).status).toBe(204);
    const detail = await b.get('/api/roles/deployer');
    expect(JSON.parse(detail.body.role.assumeRolePolicyDocument)).toEqual(JSON.parse(next));
    const { Role } = await rootIam.send(new GetRoleCommand({ RoleName: 'deployer' }));
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))).toEqual(JSON.parse(next));
  });

  it('passes IAM\'s refusal of a trust policy without a principal through, and keeps the old one', async () => {
    const refused = await b.put('/api/roles/deployer/trust-policy', { document: doc('sts:AssumeRole') });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('MalformedPolicyDocument');
    const detail = await b.get('/api/roles/deployer');
    expect(detail.body.role.assumeRolePolicyDocument).toContain('444455556666');
  });
});

describe('inline policies', () => {
  for (const [kind, name] of [['groups', 'editors'], ['roles', 'deployer']] as const) {
    it(`creates, edits and deletes an inline policy of ${kind}/${name}`, async () => {
      const base = `/api/${kind}/${name}/inline-policies`;
      expect((await b.put(`${base}/read-users`, { document: doc('iam:GetUser') })).status).toBe(204);
      let listed = (await b.get(base)).body.items as { policyName: string; document: string }[];
      expect(listed.map((p) => p.policyName)).toEqual(['read-users']);
      expect((await b.put(`${base}/read-users`, { document: doc('iam:ListUsers') })).status).toBe(204);
      listed = (await b.get(base)).body.items;
      expect(JSON.parse(listed[0]!.document)).toEqual(JSON.parse(doc('iam:ListUsers')));
      expect((await b.delete(`${base}/read-users`)).status).toBe(204);
      expect((await b.get(base)).body.items).toEqual([]);
      const gone = await b.delete(`${base}/read-users`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('NoSuchEntity');
    });
  }
});
