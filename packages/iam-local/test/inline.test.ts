// Inline policies of users, groups and roles: put/get/list/delete, document checks, per-principal size quotas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteGroupPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'ivy' }));
  await t.iam.send(new CreateGroupCommand({ GroupName: 'ops' }));
  await t.iam.send(
    new CreateRoleCommand({
      RoleName: 'runner',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
});
afterAll(() => t.close());

/** A valid document of roughly `size` characters without whitespace. */
function sized(size: number): string {
  const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x'.repeat(size - base.length), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
}

describe('user inline policies', () => {
  it('puts, replaces, gets (URL-encoded), lists and deletes', async () => {
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2);
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read', PolicyDocument: doc }));
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'alpha', PolicyDocument: doc }));
    const got = await t.iam.send(new GetUserPolicyCommand({ UserName: 'IVY', PolicyName: 'read' }));
    expect(got).toMatchObject({ UserName: 'ivy', PolicyName: 'read' });
    expect(got.PolicyDocument).toContain('%22Effect%22');
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);
    const replaced = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] });
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read', PolicyDocument: replaced }));
    expect(decodeURIComponent((await t.iam.send(new GetUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read' }))).PolicyDocument!)).toBe(replaced);
    const page = await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy', MaxItems: 1 }));
    expect(page).toMatchObject({ PolicyNames: ['alpha'], IsTruncated: true });
    expect((await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy', Marker: page.Marker }))).PolicyNames).toEqual(['read']);
    await t.iam.send(new DeleteUserPolicyCommand({ UserName: 'ivy', PolicyName: 'alpha' }));
    expect(await awsError(t.iam.send(new GetUserPolicyCommand({ UserName: 'ivy', PolicyName: 'alpha' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The user policy with name alpha cannot be found.',
    });
    expect((await awsError(t.iam.send(new DeleteUserPolicyCommand({ UserName: 'ivy', PolicyName: 'alpha' })))).status).toBe(404);
    expect((await awsError(t.iam.send(new PutUserPolicyCommand({ UserName: 'nobody', PolicyName: 'p', PolicyDocument: replaced })))).message).toBe(
      'The user with name nobody cannot be found.',
    );
  });

  it('rejects malformed documents with AWS messages', async () => {
    const put = (document: string) => t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'bad', PolicyDocument: document }));
    expect(await awsError(put('nope'))).toEqual({ name: 'MalformedPolicyDocumentException', status: 400, message: 'Syntax errors in policy.' });
    const principal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' }] });
    expect((await awsError(put(principal))).message).toBe('Policy document should not specify a principal.');
    const noResource = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] });
    expect((await awsError(put(noResource))).name).toBe('MalformedPolicyDocumentException');
    // An unknown operator with conditions under it fails IAM's syntax check.
    const badOperator = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } }],
    });
    const refused = await awsError(put(badOperator));
    expect(refused.name).toBe('MalformedPolicyDocumentException');
    expect(refused.message).toBe('Syntax errors in policy.');
    expect((await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy' }))).PolicyNames).not.toContain('bad');
  });

  it('enforces the 2,048-character aggregate quota, not counting whitespace', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'quota' }));
    const padded = JSON.stringify(JSON.parse(sized(2000)), null, 8); // whitespace does not count
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'quota', PolicyName: 'big', PolicyDocument: padded }));
    expect(await awsError(t.iam.send(new PutUserPolicyCommand({ UserName: 'quota', PolicyName: 'more', PolicyDocument: sized(200) })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Maximum policy size of 2048 bytes exceeded for user quota',
    });
    // Replacing the big one with a small one is counted without the old version.
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'quota', PolicyName: 'big', PolicyDocument: sized(1900) }));
  });
});

describe('group and role inline policies', () => {
  it('work the same way with their own quotas and messages', async () => {
    const doc = sized(200);
    await t.iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g', PolicyDocument: doc }));
    expect((await t.iam.send(new GetGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g' }))).GroupName).toBe('ops');
    expect((await t.iam.send(new ListGroupPoliciesCommand({ GroupName: 'ops' }))).PolicyNames).toEqual(['g']);
    await t.iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'big', PolicyDocument: sized(4900) }));
    expect((await awsError(t.iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'over', PolicyDocument: sized(200) })))).message).toBe(
      'Maximum policy size of 5120 bytes exceeded for group ops',
    );
    await t.iam.send(new DeleteGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g' }));
    expect((await awsError(t.iam.send(new GetGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g' })))).message).toBe(
      'The group policy with name g cannot be found.',
    );

    await t.iam.send(new PutRolePolicyCommand({ RoleName: 'runner', PolicyName: 'r', PolicyDocument: sized(10000) }));
    expect((await t.iam.send(new GetRolePolicyCommand({ RoleName: 'runner', PolicyName: 'r' }))).RoleName).toBe('runner');
    expect((await t.iam.send(new ListRolePoliciesCommand({ RoleName: 'runner' }))).PolicyNames).toEqual(['r']);
    expect((await awsError(t.iam.send(new PutRolePolicyCommand({ RoleName: 'runner', PolicyName: 'r2', PolicyDocument: sized(300) })))).message).toBe(
      'Maximum policy size of 10240 bytes exceeded for role runner',
    );
    await t.iam.send(new DeleteRolePolicyCommand({ RoleName: 'runner', PolicyName: 'r' }));
    expect((await awsError(t.iam.send(new DeleteRolePolicyCommand({ RoleName: 'runner', PolicyName: 'r' })))).message).toBe(
      'The role policy with name r cannot be found.',
    );
  });
});
