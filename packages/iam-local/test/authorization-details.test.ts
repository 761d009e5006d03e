// GetAccountAuthorizationDetails: everything in one call, filters, pagination across kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
let customerArn: string;
const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'dana', Path: '/people/', Tags: [{ Key: 'team', Value: 'a' }], PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await t.iam.send(new PutUserPolicyCommand({ UserName: 'dana', PolicyName: 'own', PolicyDocument: doc('s3:GetObject') }));
  await t.iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
  await t.iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'dana' }));
  await t.iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'group-inline', PolicyDocument: doc('sqs:ReceiveMessage') }));
  await t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }));
  await t.iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: TRUST }));
  await t.iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'role-inline', PolicyDocument: doc('sns:Publish') }));
  const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'Custom', PolicyDocument: doc('ec2:Describe*') }));
  customerArn = Policy!.Arn!;
  await t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: customerArn, PolicyDocument: doc('ec2:*'), SetAsDefault: true }));
  await t.iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: customerArn }));
});
afterAll(() => t.close());

describe('GetAccountAuthorizationDetails', () => {
  it('returns users, groups, roles and used policies with their relationships', async () => {
    const out = await t.iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(out.IsTruncated).toBe(false);
    const [dana] = out.UserDetailList ?? [];
    expect(dana).toMatchObject({
      UserName: 'dana',
      Path: '/people/',
      GroupList: ['readers'],
      UserPolicyList: [{ PolicyName: 'own' }],
      AttachedManagedPolicies: [],
      PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(JSON.parse(decodeURIComponent(dana!.UserPolicyList![0]!.PolicyDocument!))).toEqual(JSON.parse(doc('s3:GetObject')));
    expect(out.GroupDetailList).toMatchObject([
      { GroupName: 'readers', GroupPolicyList: [{ PolicyName: 'group-inline' }], AttachedManagedPolicies: [{ PolicyName: 'SecurityAudit' }] },
    ]);
    expect(out.RoleDetailList).toMatchObject([
      { RoleName: 'worker', RolePolicyList: [{ PolicyName: 'role-inline' }], AttachedManagedPolicies: [{ PolicyArn: customerArn }], InstanceProfileList: [] },
    ]);
    expect(JSON.parse(decodeURIComponent(out.RoleDetailList![0]!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
    const names = out.Policies?.map((p) => p.PolicyName).sort();
    // Customer managed policies always; AWS managed ones only where used (attached or as a boundary).
    expect(names).toEqual(['Custom', 'ReadOnlyAccess', 'SecurityAudit']);
    const custom = out.Policies?.find((p) => p.PolicyName === 'Custom');
    expect(custom).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 1 });
    expect(custom?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v2', true],
      ['v1', false],
    ]);
  });

  it('filters by kind', async () => {
    const roles = await t.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect(roles.UserDetailList).toEqual([]);
    expect(roles.RoleDetailList?.map((r) => r.RoleName)).toEqual(['worker']);
    expect(roles.Policies).toEqual([]);
    const local = await t.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy', 'Group'] }));
    expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['Custom']);
    expect(local.GroupDetailList?.map((g) => g.GroupName)).toEqual(['readers']);
    const bad = await awsError(t.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Nope' as 'User'] })));
    expect(bad.status).toBe(400);
  });

  it('pages across kinds with Marker/MaxItems', async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out: GetAccountAuthorizationDetailsCommandOutput = await t.iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, Marker: marker }));
      pages++;
      seen.push(
        ...(out.UserDetailList ?? []).map((u) => `user:${u.UserName}`),
        ...(out.GroupDetailList ?? []).map((g) => `group:${g.GroupName}`),
        ...(out.RoleDetailList ?? []).map((r) => `role:${r.RoleName}`),
        ...(out.Policies ?? []).map((p) => `policy:${p.PolicyName}`),
      );
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['group:readers', 'policy:Custom', 'policy:ReadOnlyAccess', 'policy:SecurityAudit', 'role:worker', 'user:dana']);
  });
});
