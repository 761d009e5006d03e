// AWS managed policies: present from the build step, readable, attachable, never modifiable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachUserPolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
  ListPolicyTagsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam';
import { extractLatest } from '../scripts/extract-managed-policies.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('AWS managed policies', () => {
  it.each(['AdministratorAccess', 'IAMUserChangePassword', 'SecurityAudit', 'ReadOnlyAccess', 'IAMReadOnlyAccess'])('has %s', async (name) => {
    const { Policy } = await t.iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
    expect(Policy).toMatchObject({ PolicyName: name, Path: '/', IsAttachable: true });
    expect(Policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    const version = await t.iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: Policy!.DefaultVersionId }));
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!))).toHaveProperty('Statement');
  });

  it('answers GetPolicy as AWS does: the description where known and an empty Tags list', async () => {
    const { Policy } = await t.iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' }));
    expect(Policy).toMatchObject({ Description: 'Provides the ability for an IAM user to change their own password.', Tags: [] });
    const admin = await t.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }));
    expect(admin.Policy?.Tags).toEqual([]);
    expect(admin.Policy).not.toHaveProperty('Description');
  });

  it('serves AdministratorAccess with its real document and a path for service-role policies', async () => {
    const version = await t.iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const serviceRole = await t.iam.send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/service-role/', MaxItems: 5 }));
    expect(serviceRole.Policies?.length).toBe(5);
    for (const p of serviceRole.Policies ?? []) expect(p.Arn).toBe(`arn:aws:iam::aws:policy/service-role/${p.PolicyName}`);
    expect((await t.iam.send(new ListPolicyVersionsCommand({ PolicyArn: ADMIN }))).Versions?.map((v) => v.VersionId)).toEqual(['v1']);
  });

  it('lists AWS policies with Scope and counts attachments', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'admin' }));
    await t.iam.send(new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: ADMIN }));
    const attached = await t.iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
    expect(attached.Policies?.map((p) => [p.PolicyName, p.AttachmentCount])).toEqual([['AdministratorAccess', 1]]);
    const all = await t.iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }));
    expect(all.Policies?.length).toBe(1000);
    expect(all.IsTruncated).toBe(true);
  });

  it('refuses every change to an AWS managed policy, even by root', async () => {
    const refusal = (message: string) => ({ name: 'AccessDenied', status: 403, message });
    const denied = (action: string) =>
      refusal(`User: arn:aws:iam::${t.accountId}:root is not authorized to perform: ${action} on resource: policy ${ADMIN} because no resource-based policy allows the ${action} action`);
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    expect(await awsError(t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: ADMIN, PolicyDocument: document, SetAsDefault: true })))).toEqual(
      refusal('Cannot create versions for policies outside your own account.'),
    );
    expect(await awsError(t.iam.send(new DeletePolicyCommand({ PolicyArn: ADMIN })))).toEqual(refusal('Cannot delete policies outside your own account.'));
    expect(await awsError(t.iam.send(new DeletePolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' })))).toEqual(
      refusal('Cannot delete policy versions for policies outside your own account.'),
    );
    expect(await awsError(t.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' })))).toEqual(
      refusal('Cannot update policies outside your own account.'),
    );
    expect(await awsError(t.iam.send(new TagPolicyCommand({ PolicyArn: ADMIN, Tags: [{ Key: 'k', Value: 'v' }] })))).toEqual(denied('iam:TagPolicy'));
    expect(await awsError(t.iam.send(new UntagPolicyCommand({ PolicyArn: ADMIN, TagKeys: ['k'] })))).toEqual(denied('iam:UntagPolicy'));
    expect((await t.iam.send(new ListPolicyTagsCommand({ PolicyArn: ADMIN }))).Tags).toEqual([]);
    const after = await t.iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }));
    expect(decodeURIComponent(after.PolicyVersion!.Document!)).toContain('"Allow"');
  });

  it('reports an unknown AWS policy as not found', async () => {
    expect((await awsError(t.iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicyEver' })))).status).toBe(404);
  });
});

describe('extractLatest (build step)', () => {
  it('takes the latest version, falls back to the highest vN, and derives the path', () => {
    const records = extractLatest({
      B: {
        arn: 'arn:aws:iam::aws:policy/service-role/B',
        latestVersionId: 'v9',
        versions: { v2: { document: { n: 2 } }, v10: { document: { n: 10 } } },
      },
      A: { arn: 'arn:aws:iam::aws:policy/A', latestVersionId: 'v1', versions: { v1: { document: { n: 1 }, createdDate: '2020-01-01T00:00:00Z' } } },
      Mismatch: { arn: 'arn:aws:iam::aws:policy/Other', latestVersionId: 'v1', versions: { v1: { document: {} } } },
    });
    expect(records.map((r) => [r.name, r.path, r.defaultVersionId, JSON.parse(r.document)])).toEqual([
      ['A', '/', 'v1', { n: 1 }],
      ['B', '/service-role/', 'v10', { n: 10 }],
    ]);
  });
});
