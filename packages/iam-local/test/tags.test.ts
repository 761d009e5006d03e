// Tags on users, roles, customer managed policies and virtual MFA devices: add/replace, case rules, untag, list with
// pagination, limits, authorization on the tagged resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatePolicyCommand,
  GetPolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  ListPolicyTagsCommand,
  ListRoleTagsCommand,
  ListUserTagsCommand,
  TagPolicyCommand,
  TagRoleCommand,
  TagUserCommand,
  UntagPolicyCommand,
  UntagRoleCommand,
  UntagUserCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { addUser, policy } from './helpers/fixtures.ts';

let t: TestServer;
let policyArn: string;
beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'tagged' }));
  await t.iam.send(
    new CreateRoleCommand({
      RoleName: 'tagged-role',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  const { Policy } = await t.iam.send(
    new CreatePolicyCommand({
      PolicyName: 'tagged-policy',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] }),
    }),
  );
  policyArn = Policy!.Arn!;
});
afterAll(() => t.close());

describe('user and role tags', () => {
  it('adds, replaces case-insensitively and removes user tags', async () => {
    await t.iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'Department', Value: 'finance' }, { Key: 'cost', Value: '1' }] }));
    await t.iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'department', Value: 'hr' }] }));
    expect((await t.iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([
      { Key: 'department', Value: 'hr' },
      { Key: 'cost', Value: '1' },
    ]);
    await t.iam.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['DEPARTMENT', 'not-there'] }));
    expect((await t.iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([{ Key: 'cost', Value: '1' }]);
    const duplicate = await awsError(t.iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] })));
    expect(duplicate).toEqual({ name: 'InvalidInputException', status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' });
    expect((await awsError(t.iam.send(new TagUserCommand({ UserName: 'ghost', Tags: [{ Key: 'a', Value: '1' }] })))).status).toBe(404);
  });

  it('validates tag keys and the 50-tag limit', async () => {
    const badKey = await awsError(t.iam.send(new TagRoleCommand({ RoleName: 'tagged-role', Tags: [{ Key: 'bad#key', Value: 'v' }] })));
    expect(badKey.status).toBe(400);
    expect(badKey.message).toContain("at 'tags.1.member.key' failed to satisfy constraint");
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    await t.iam.send(new TagRoleCommand({ RoleName: 'tagged-role', Tags: fifty }));
    const page = await t.iam.send(new ListRoleTagsCommand({ RoleName: 'tagged-role', MaxItems: 30 }));
    expect(page.Tags).toHaveLength(30);
    expect(page.IsTruncated).toBe(true);
    expect((await t.iam.send(new ListRoleTagsCommand({ RoleName: 'tagged-role', Marker: page.Marker }))).Tags).toHaveLength(20);
    expect(await awsError(t.iam.send(new TagRoleCommand({ RoleName: 'tagged-role', Tags: [{ Key: 'one-more', Value: 'x' }] })))).toMatchObject({
      name: 'LimitExceededException',
      status: 409,
    });
    await t.iam.send(new TagRoleCommand({ RoleName: 'tagged-role', Tags: [{ Key: 'K0', Value: 'replaced' }] })); // replaces: still 50
    await t.iam.send(new UntagRoleCommand({ RoleName: 'tagged-role', TagKeys: ['k1'] }));
    expect((await t.iam.send(new ListRoleTagsCommand({ RoleName: 'tagged-role', MaxItems: 100 }))).Tags).toHaveLength(49);
  });
});

describe('tag request validation in AWS words (localstack recorded snapshots, test_iam_roles: test_role_tag_errors)', () => {
  const TAG_KEY_LIST_CONSTRAINT =
    "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, " +
    'Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]';

  it('refuses more than 50 tags or keys, and a bad key to untag, as the whole list', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'validated-role', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await awsError(t.iam.send(new TagRoleCommand({ RoleName: 'validated-role', Tags: tags })))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    expect((await awsError(t.iam.send(new UntagRoleCommand({ RoleName: 'validated-role', TagKeys: tags.map((tag) => tag.Key) })))).message).toBe(
      "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    expect((await awsError(t.iam.send(new UntagRoleCommand({ RoleName: 'validated-role', TagKeys: ['k'.repeat(129)] })))).message).toBe(TAG_KEY_LIST_CONSTRAINT);
    expect((await awsError(t.iam.send(new UntagRoleCommand({ RoleName: 'validated-role', TagKeys: ['bad key!'] })))).message).toBe(TAG_KEY_LIST_CONSTRAINT);
  });
});

describe('customer managed policy tags as AWS answers them (localstack recorded snapshots, test_iam_policies)', () => {
  it('GetPolicy always has Tags, duplicates are refused without the note on case, ListPolicyTags is in key order', async () => {
    const document = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'untagged-policy', PolicyDocument: document }));
    expect(Policy).not.toHaveProperty('Tags');
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }))).Policy?.Tags).toEqual([]);
    expect(await awsError(t.iam.send(new TagPolicyCommand({ PolicyArn: Policy!.Arn, Tags: [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }] })))).toEqual({
      name: 'InvalidInputException',
      status: 400,
      message: 'Duplicate tag keys found.',
    });
    await t.iam.send(new TagPolicyCommand({ PolicyArn: Policy!.Arn, Tags: [{ Key: 'a', Value: 'lowercase' }, { Key: 'A', Value: 'uppercase' }] }));
    expect((await t.iam.send(new ListPolicyTagsCommand({ PolicyArn: Policy!.Arn }))).Tags).toEqual([
      { Key: 'A', Value: 'uppercase' },
      { Key: 'a', Value: 'lowercase' },
    ]);
  });
});

describe('policy tags', () => {
  it('treats policy tag keys case-sensitively', async () => {
    await t.iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: [{ Key: 'Costcenter', Value: '1234' }] }));
    await t.iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: [{ Key: 'costcenter', Value: '5678' }] }));
    expect((await t.iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn }))).Tags).toEqual([
      { Key: 'Costcenter', Value: '1234' },
      { Key: 'costcenter', Value: '5678' },
    ]);
    await t.iam.send(new UntagPolicyCommand({ PolicyArn: policyArn, TagKeys: ['Costcenter'] }));
    expect((await t.iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn }))).Tags).toEqual([{ Key: 'costcenter', Value: '5678' }]);
    expect((await awsError(t.iam.send(new ListPolicyTagsCommand({ PolicyArn: `arn:aws:iam::${t.accountId}:policy/none` })))).status).toBe(404);
  });
});

describe('virtual MFA device tags', () => {
  const serial = (name: string) => `arn:aws:iam::${t.accountId}:mfa/${name}`;

  it('starts with the tags given at creation, adds and replaces case-sensitively, untags, pages', async () => {
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'tagged-mfa', Tags: [{ Key: 'CostCenter', Value: '1234' }] }));
    const SerialNumber = serial('tagged-mfa');
    await t.iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: [{ Key: 'costcenter', Value: '5678' }, { Key: 'owner', Value: 'ana' }] }));
    await t.iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: [{ Key: 'owner', Value: 'bo' }] }));
    expect((await t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber }))).Tags).toEqual([
      { Key: 'CostCenter', Value: '1234' },
      { Key: 'costcenter', Value: '5678' },
      { Key: 'owner', Value: 'bo' },
    ]);
    const page = await t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber, MaxItems: 2 }));
    expect([page.Tags?.length, page.IsTruncated]).toEqual([2, true]);
    expect((await t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber, Marker: page.Marker }))).Tags).toEqual([{ Key: 'owner', Value: 'bo' }]);
    await t.iam.send(new UntagMFADeviceCommand({ SerialNumber, TagKeys: ['CostCenter', 'not-there'] }));
    expect((await t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber }))).Tags).toEqual([
      { Key: 'costcenter', Value: '5678' },
      { Key: 'owner', Value: 'bo' },
    ]);
    const listed = await t.iam.send(new ListVirtualMFADevicesCommand({}));
    expect(listed.VirtualMFADevices?.find((d) => d.SerialNumber === SerialNumber)?.Tags).toHaveLength(2);
  });

  it('holds at most 50 tags, refuses unknown devices and malformed serial numbers', async () => {
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'full-mfa' }));
    const SerialNumber = serial('full-mfa');
    await t.iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` })) }));
    expect(await awsError(t.iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: [{ Key: 'one-more', Value: 'x' }] })))).toMatchObject({
      name: 'LimitExceededException',
      status: 409,
    });
    const tooMany = await awsError(t.iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `n${i}`, Value: '' })) })));
    expect(tooMany).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(tooMany.message).toContain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    const unknown = serial('nobody-has-this');
    expect(await awsError(t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: unknown })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `MFA Device with serial number ${unknown} does not exist.`,
    });
    expect((await awsError(t.iam.send(new UntagMFADeviceCommand({ SerialNumber: unknown, TagKeys: ['a'] })))).status).toBe(404);
    const malformed = await awsError(t.iam.send(new TagMFADeviceCommand({ SerialNumber: 'short', Tags: [{ Key: 'a', Value: 'b' }] })));
    expect(malformed).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(malformed.message).toContain("at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9");
  });

  it('deleting the device deletes its tags', async () => {
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'short-lived', Tags: [{ Key: 'a', Value: '1' }] }));
    await t.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial('short-lived') }));
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'short-lived' }));
    expect((await t.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial('short-lived') }))).Tags).toEqual([]);
  });

  it('is authorized on the device ARN with its tags and the requested tag keys', async () => {
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'team-mfa', Tags: [{ Key: 'team', Value: 'blue' }] }));
    await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'other-mfa' }));
    const tagger = t.iamAs(
      addUser(t, 'mfa-tagger', {
        tagging: policy(
          { Effect: 'Allow', Action: ['iam:ListMFADeviceTags', 'iam:UntagMFADevice'], Resource: `arn:aws:iam::${t.accountId}:mfa/team-*` },
          {
            Effect: 'Allow',
            Action: 'iam:TagMFADevice',
            Resource: '*',
            Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project'] } },
          },
        ),
      }).keys,
    );
    await tagger.send(new TagMFADeviceCommand({ SerialNumber: serial('team-mfa'), Tags: [{ Key: 'project', Value: 'x' }] }));
    expect((await tagger.send(new ListMFADeviceTagsCommand({ SerialNumber: serial('team-mfa') }))).Tags).toHaveLength(2);
    const denied = [
      tagger.send(new TagMFADeviceCommand({ SerialNumber: serial('team-mfa'), Tags: [{ Key: 'owner', Value: 'x' }] })),
      tagger.send(new TagMFADeviceCommand({ SerialNumber: serial('other-mfa'), Tags: [{ Key: 'project', Value: 'x' }] })),
      tagger.send(new ListMFADeviceTagsCommand({ SerialNumber: serial('other-mfa') })),
    ];
    const [wrongKey, untaggedDevice, otherList] = await Promise.all(denied.map(awsError));
    expect(wrongKey?.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/mfa-tagger is not authorized to perform: iam:TagMFADevice on resource: ${serial('team-mfa')} because no identity-based policy allows the iam:TagMFADevice action`,
    );
    expect([untaggedDevice?.status, otherList?.status]).toEqual([403, 403]);
  });
});
