// Customer managed policies over HTTP: create/get/list/delete, versions (limit 5, default), ListEntitiesForPolicy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  PutUserPermissionsBoundaryCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }, null, 2);

describe('managed policies', () => {
  it('creates a policy and reads it back with counts and tags', async () => {
    const { Policy } = await t.iam.send(
      new CreatePolicyCommand({ PolicyName: 'S3Read', Path: '/data/', PolicyDocument: doc('s3:Get*'), Description: 'read S3', Tags: [{ Key: 'a', Value: '1' }] }),
    );
    expect(Policy).toMatchObject({
      PolicyName: 'S3Read',
      Arn: `arn:aws:iam::${t.accountId}:policy/data/S3Read`,
      Path: '/data/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Tags: [{ Key: 'a', Value: '1' }],
    });
    expect(Policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    const got = await t.iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }));
    expect(got.Policy).toMatchObject({ PolicyName: 'S3Read', Description: 'read S3' });
    const version = await t.iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: 'v1' }));
    expect(version.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    expect(decodeURIComponent(version.PolicyVersion!.Document!)).toBe(doc('s3:Get*'));
    expect((await awsError(t.iam.send(new CreatePolicyCommand({ PolicyName: 's3read', PolicyDocument: doc('s3:*') })))).message).toBe(
      'A policy called s3read already exists. Duplicate names are not allowed.',
    );
  });

  it('refuses malformed and oversized documents with AWS messages', async () => {
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] });
    expect(await awsError(t.iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: withPrincipal })))).toEqual({
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'Policy document should not specify a principal.',
    });
    expect((await awsError(t.iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{"Statement": [' })))).message).toBe(
      'Syntax errors in policy.',
    );
    const huge = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: Array.from({ length: 400 }, (_, i) => `s3:GetObjectVersion${i}`), Resource: '*' }],
    });
    expect(await awsError(t.iam.send(new CreatePolicyCommand({ PolicyName: 'huge', PolicyDocument: huge })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
    expect((await awsError(t.iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${t.accountId}:policy/bad` })))).message).toBe(
      `Policy arn:aws:iam::${t.accountId}:policy/bad was not found.`,
    );
    expect((await awsError(t.iam.send(new GetPolicyCommand({ PolicyArn: 'not-an-arn-at-all-really' })))).message).toBe(
      'ARN not-an-arn-at-all-really is not valid.',
    );
  });

  it('keeps up to 5 versions, switches the default and refuses deleting it', async () => {
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: doc('s3:GetObject') }));
    const arn = Policy!.Arn!;
    for (let i = 2; i <= 5; i++) {
      const { PolicyVersion } = await t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc(`s3:Get${i}`), SetAsDefault: i === 3 }));
      expect(PolicyVersion).toMatchObject({ VersionId: `v${i}`, IsDefaultVersion: i === 3 });
    }
    expect(await awsError(t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:Get6') })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    const firstTwo = await t.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(firstTwo.Versions?.map((v) => v.VersionId)).toEqual(['v5', 'v4']);
    expect(firstTwo.IsTruncated).toBe(true);
    const versions = await t.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', false],
      ['v3', true],
      ['v2', false],
      ['v1', false],
    ]);
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v3');
    expect(await awsError(t.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })))).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete the default version of a policy.',
    });
    await t.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const { PolicyVersion } = await t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:Get6') }));
    expect(PolicyVersion?.VersionId).toBe('v6');
    await t.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    expect((await t.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }))).PolicyVersion?.IsDefaultVersion).toBe(true);
    expect((await awsError(t.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })))).name).toBe('NoSuchEntityException');
    expect((await awsError(t.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })))).status).toBe(404);

    expect((await awsError(t.iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).message).toBe(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    for (const v of ['v2', 'v3', 'v4', 'v5']) await t.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }));
    await t.iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect((await awsError(t.iam.send(new GetPolicyCommand({ PolicyArn: arn })))).status).toBe(404);
  });

  it('counts attachments, lists entities and refuses deleting an attached policy', async () => {
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'Shared', PolicyDocument: doc('sqs:*') }));
    const arn = Policy!.Arn!;
    await t.iam.send(new CreateUserCommand({ UserName: 'pu' }));
    await t.iam.send(new CreateUserCommand({ UserName: 'bounded' }));
    await t.iam.send(new CreateGroupCommand({ GroupName: 'pg' }));
    await t.iam.send(new CreateRoleCommand({ RoleName: 'pr', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    await t.iam.send(new AttachUserPolicyCommand({ UserName: 'pu', PolicyArn: arn }));
    await t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'pg', PolicyArn: arn }));
    await t.iam.send(new AttachRolePolicyCommand({ RoleName: 'pr', PolicyArn: arn }));
    await t.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: arn }));
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy).toMatchObject({ AttachmentCount: 3, PermissionsBoundaryUsageCount: 1 });

    const entities = await t.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(entities.PolicyUsers?.map((u) => u.UserName).sort()).toEqual(['bounded', 'pu']);
    expect(entities.PolicyGroups?.map((g) => g.GroupName)).toEqual(['pg']);
    expect(entities.PolicyRoles?.map((r) => r.RoleName)).toEqual(['pr']);
    const paged = await t.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(paged.IsTruncated).toBe(true);
    const restOfEntities = await t.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, Marker: paged.Marker }));
    const count = (out: typeof paged) => (out.PolicyUsers?.length ?? 0) + (out.PolicyGroups?.length ?? 0) + (out.PolicyRoles?.length ?? 0);
    expect(count(paged) + count(restOfEntities)).toBe(4);
    expect(restOfEntities.IsTruncated).toBe(false);
    const onlyPolicies = await t.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: 'User', PolicyUsageFilter: 'PermissionsPolicy' }));
    expect(onlyPolicies.PolicyUsers?.map((u) => u.UserName)).toEqual(['pu']);
    expect(onlyPolicies.PolicyGroups).toEqual([]);

    const attachedOnly = await t.iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true }));
    expect(attachedOnly.Policies?.map((p) => p.PolicyName)).toContain('Shared');
    const boundaries = await t.iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true, PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(boundaries.Policies?.map((p) => p.PolicyName)).toEqual(['Shared']);

    expect(await awsError(t.iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete a policy attached to entities.',
    });
    await t.iam.send(new DetachUserPolicyCommand({ UserName: 'pu', PolicyArn: arn }));
    await t.iam.send(new DetachGroupPolicyCommand({ GroupName: 'pg', PolicyArn: arn }));
    await t.iam.send(new DetachRolePolicyCommand({ RoleName: 'pr', PolicyArn: arn }));
    expect((await awsError(t.iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).name).toBe('DeleteConflictException'); // still a boundary
  });

  it('lists local policies with pagination and path prefix', async () => {
    for (const name of ['Pg-c', 'Pg-a', 'Pg-b']) await t.iam.send(new CreatePolicyCommand({ PolicyName: name, Path: '/paged/', PolicyDocument: doc('sns:*') }));
    const first = await t.iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.Policies?.map((p) => p.PolicyName)).toEqual(['Pg-a', 'Pg-b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await t.iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/paged/', Marker: first.Marker }));
    expect(rest.Policies?.map((p) => p.PolicyName)).toEqual(['Pg-c']);
    const invalid = await awsError(t.iam.send(new ListPoliciesCommand({ Scope: 'Everything' as 'All' })));
    expect(invalid.message).toContain('Member must satisfy enum value set: [All, AWS, Local]');
  });
});
