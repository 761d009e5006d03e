// Instance profiles over HTTP, against what real AWS answers as localstack's recorded snapshots have it
// (tests/aws/services/iam/test_iam_instance_profiles.snapshot.json): members of each answer, one role per profile,
// the delete conflicts in both directions, tags, and authorization on the instance profile's ARN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetInstanceProfileCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { addUser, policy } from './helpers/fixtures.ts';
import { setQuota } from '../src/model/account-quotas.ts';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const notFound = (name: string) => ({ name: 'NoSuchEntityException', status: 404, message: `Instance Profile ${name} cannot be found.` });

describe('instance profiles', () => {
  it('creates, gets and lists a profile with the members AWS returns', async () => {
    const created = await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web', Path: '/app/' }));
    expect(Object.keys(created.InstanceProfile ?? {}).sort()).toEqual(['Arn', 'CreateDate', 'InstanceProfileId', 'InstanceProfileName', 'Path', 'Roles']);
    expect(created.InstanceProfile).toMatchObject({ Arn: `arn:aws:iam::${t.accountId}:instance-profile/app/web`, Path: '/app/', Roles: [] });
    expect(created.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    const got = await t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WEB' }));
    expect(got.InstanceProfile).toMatchObject({ InstanceProfileName: 'web', Roles: [], Tags: [] });
    await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'batch' }));
    const all = await t.iam.send(new ListInstanceProfilesCommand({}));
    expect(all.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['batch', 'web']);
    expect(all.InstanceProfiles?.[0]).not.toHaveProperty('Tags');
    const underApp = await t.iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/app/' }));
    expect(underApp.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['web']);
    const page = await t.iam.send(new ListInstanceProfilesCommand({ MaxItems: 1 }));
    expect(page).toMatchObject({ IsTruncated: true, InstanceProfiles: [{ InstanceProfileName: 'batch' }] });
    const next = await t.iam.send(new ListInstanceProfilesCommand({ MaxItems: 1, Marker: page.Marker }));
    expect(next).toMatchObject({ IsTruncated: false, InstanceProfiles: [{ InstanceProfileName: 'web' }] });
    expect((await t.iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ InstanceProfiles: 2, InstanceProfilesQuota: 1000 });
  });

  it('refuses a taken name and a missing profile in AWS words', async () => {
    expect(await awsError(t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'Web' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'Instance Profile Web already exists.',
    });
    expect(await awsError(t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'nope' })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'nope' })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'nope', RoleName: 'r' })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'nope', RoleName: 'r' })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'nobody' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name nobody cannot be found.',
    });
  });

  it('holds one role; the role and the profile cannot be deleted while together', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'web-role', AssumeRolePolicyDocument: TRUST }));
    await t.iam.send(new CreateRoleCommand({ RoleName: 'other-role', AssumeRolePolicyDocument: TRUST }));
    expect(await awsError(t.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'web-role' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'Role web-role in Instance Profile web cannot be found.',
    });
    await t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'web-role' }));
    await t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'batch', RoleName: 'web-role' }));
    expect(await awsError(t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'other-role' })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    });
    const got = await t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }));
    expect(got.InstanceProfile?.Roles?.map((r) => r.RoleName)).toEqual(['web-role']);
    expect(Object.keys(got.InstanceProfile?.Roles?.[0] ?? {}).sort()).toEqual(['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName']);
    const forRole = await t.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'web-role' }));
    expect(forRole.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['batch', 'web']);
    expect((await t.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'other-role' }))).InstanceProfiles).toEqual([]);
    expect((await awsError(t.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'nobody' })))).message).toBe(
      'The role with name nobody cannot be found.',
    );
    const details = await t.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    const detail = details.RoleDetailList?.find((r) => r.RoleName === 'web-role');
    expect(detail?.InstanceProfileList?.map((p) => p.InstanceProfileName)).toEqual(['batch', 'web']);

    const conflict = { name: 'DeleteConflictException', status: 409, message: 'Cannot delete entity, must remove roles from instance profile first.' };
    expect(await awsError(t.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' })))).toEqual(conflict);
    expect(await awsError(t.iam.send(new DeleteRoleCommand({ RoleName: 'web-role' })))).toEqual(conflict);

    await t.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'web-role' }));
    await t.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'batch', RoleName: 'web-role' }));
    expect((await t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile?.Roles).toEqual([]);
    await t.iam.send(new DeleteRoleCommand({ RoleName: 'web-role' }));
    await t.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'batch' }));
    expect(await awsError(t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'batch' })))).toEqual(notFound('batch'));
  });

  it('tags: on create, tag, untag, list; a missing profile is NoSuchEntity', async () => {
    const created = await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'InitialKey', Value: 'InitialValue' }] }));
    expect(created.InstanceProfile?.Tags).toEqual([{ Key: 'InitialKey', Value: 'InitialValue' }]);
    await t.iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'MyKey', Value: 'myValue' }] }));
    await t.iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'tagged', TagKeys: ['InitialKey'] }));
    expect(await t.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).toMatchObject({
      Tags: [{ Key: 'MyKey', Value: 'myValue' }],
      IsTruncated: false,
    });
    expect((await t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'tagged' }))).InstanceProfile?.Tags).toEqual([{ Key: 'MyKey', Value: 'myValue' }]);
    expect(await awsError(t.iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'nope', Tags: [{ Key: 'k', Value: 'v' }] })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'nope', TagKeys: ['k'] })))).toEqual(notFound('nope'));
    expect(await awsError(t.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'nope' })))).toEqual(notFound('nope'));
    await t.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'tagged' }));
    await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'tagged' }));
    expect((await t.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toEqual([]);
  });

  it('enforces the account quota of instance profiles', async () => {
    const count = (await t.iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles?.length ?? 0;
    setQuota(t.server.state.db, 'InstanceProfilesQuota', count);
    expect(await awsError(t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'one-too-many' })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: `Cannot exceed quota for InstanceProfilesPerAccount: ${count}`,
    });
    setQuota(t.server.state.db, 'InstanceProfilesQuota', 1000);
  });
});

describe('instance profile authorization', () => {
  it('authorizes on the instance profile ARN and wants iam:PassRole on the role it adds', async () => {
    await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'ops-profile', Path: '/ops/' }));
    await t.iam.send(new CreateRoleCommand({ RoleName: 'ops-role', AssumeRolePolicyDocument: TRUST }));
    const profileArn = `arn:aws:iam::${t.accountId}:instance-profile/ops/*`;
    const operator = addUser(t, 'profile-operator', {
      manage: policy({
        Effect: 'Allow',
        Action: ['iam:GetInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:CreateInstanceProfile'],
        Resource: profileArn,
      }),
    });
    const asOperator = t.iamAs(operator.keys);
    await asOperator.send(new GetInstanceProfileCommand({ InstanceProfileName: 'ops-profile' }));
    await asOperator.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'ops-two', Path: '/ops/' }));
    const elsewhere = await awsError(asOperator.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'elsewhere' })));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.message).toBe(
      `User: ${operator.arn} is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::${t.accountId}:instance-profile/elsewhere because no identity-based policy allows the iam:CreateInstanceProfile action`,
    );
    const noPass = await awsError(asOperator.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'ops-profile', RoleName: 'ops-role' })));
    expect(noPass.message).toBe(
      `User: ${operator.arn} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${t.accountId}:role/ops-role because no identity-based policy allows the iam:PassRole action`,
    );
    const passer = addUser(t, 'profile-passer', {
      manage: policy(
        { Effect: 'Allow', Action: 'iam:AddRoleToInstanceProfile', Resource: profileArn },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${t.accountId}:role/ops-role` },
      ),
    });
    await t.iamAs(passer.keys).send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'ops-profile', RoleName: 'ops-role' }));
    expect((await t.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'ops-profile' }))).InstanceProfile?.Roles?.[0]?.RoleName).toBe('ops-role');
  });
});
