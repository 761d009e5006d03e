// Tags on users, roles and customer managed policies: add/replace, case rules, untag, list with pagination, limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
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
