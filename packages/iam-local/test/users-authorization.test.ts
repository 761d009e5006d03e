// What the entity operations hand the authorizer: resource ARNs with the entity's real path, and the request
// context keys IAM documents (aws:ResourceTag, aws:RequestTag/aws:TagKeys, iam:PolicyARN, iam:PermissionsBoundary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
  TagUserCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
let asOperator: IAMClient;
const BOUNDARY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'eng-user', Path: '/engineering/' }));
  await t.iam.send(new CreateUserCommand({ UserName: 'fin-user', Path: '/finance/', Tags: [{ Key: 'team', Value: 'finance' }] }));
  await t.iam.send(new CreateUserCommand({ UserName: 'blue-user', Tags: [{ Key: 'team', Value: 'blue' }] }));
  await t.iam.send(new CreateUserCommand({ UserName: 'operator' }));
  const statements = [
    { Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/engineering/*' },
    { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } },
    { Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/IAMUserChangePassword' } } },
    {
      Effect: 'Allow',
      Action: ['iam:CreateUser', 'iam:DeleteUserPermissionsBoundary'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } },
    },
    { Effect: 'Allow', Action: 'iam:TagUser', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project'] } } },
    { Effect: 'Allow', Action: 'iam:UpdateUser', Resource: 'arn:aws:iam::*:user/engineering/*' },
  ];
  await t.iam.send(new PutUserPolicyCommand({ UserName: 'operator', PolicyName: 'ops', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
  const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'operator' }));
  asOperator = t.iamAs({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
});
afterAll(() => t.close());

const deniedOn = async (call: Promise<unknown>, action: string, resource: string) => {
  const error = await awsError(call);
  expect(error.status).toBe(403);
  expect(error.message).toBe(
    `User: arn:aws:iam::${t.accountId}:user/operator is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
};

describe('authorization targets of entity operations', () => {
  it('uses the real path of the user in the resource ARN', async () => {
    expect((await asOperator.send(new GetUserCommand({ UserName: 'eng-user' }))).User?.UserName).toBe('eng-user');
    await deniedOn(asOperator.send(new GetUserCommand({ UserName: 'fin-user' })), 'iam:GetUser', `arn:aws:iam::${t.accountId}:user/finance/fin-user`);
  });

  it('provides aws:ResourceTag of the target user', async () => {
    expect((await asOperator.send(new GetUserCommand({ UserName: 'blue-user' }))).User?.UserName).toBe('blue-user');
  });

  it('provides iam:PolicyARN to Attach*Policy', async () => {
    await asOperator.send(new AttachUserPolicyCommand({ UserName: 'eng-user', PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' }));
    await deniedOn(
      asOperator.send(new AttachUserPolicyCommand({ UserName: 'eng-user', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })),
      'iam:AttachUserPolicy',
      `arn:aws:iam::${t.accountId}:user/engineering/eng-user`,
    );
  });

  it('provides iam:PermissionsBoundary: users may only be created with the approved boundary, and it cannot be removed by another', async () => {
    const { User } = await asOperator.send(new CreateUserCommand({ UserName: 'bounded-hire', PermissionsBoundary: BOUNDARY }));
    expect(User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(BOUNDARY);
    await deniedOn(asOperator.send(new CreateUserCommand({ UserName: 'free-hire' })), 'iam:CreateUser', `arn:aws:iam::${t.accountId}:user/free-hire`);
    // The condition sees the boundary the user has now, so the operator may remove exactly that boundary.
    await asOperator.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded-hire' }));
    await deniedOn(
      asOperator.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded-hire' })),
      'iam:DeleteUserPermissionsBoundary',
      `arn:aws:iam::${t.accountId}:user/bounded-hire`,
    );
  });

  it('provides aws:TagKeys to TagUser and needs TagUser to create a user with tags', async () => {
    await asOperator.send(new TagUserCommand({ UserName: 'eng-user', Tags: [{ Key: 'project', Value: 'x' }] }));
    await deniedOn(
      asOperator.send(new TagUserCommand({ UserName: 'eng-user', Tags: [{ Key: 'owner', Value: 'x' }] })),
      'iam:TagUser',
      `arn:aws:iam::${t.accountId}:user/engineering/eng-user`,
    );
    await deniedOn(
      asOperator.send(new CreateUserCommand({ UserName: 'tagged-hire', PermissionsBoundary: BOUNDARY, Tags: [{ Key: 'owner', Value: 'x' }] })),
      'iam:TagUser',
      `arn:aws:iam::${t.accountId}:user/tagged-hire`,
    );
  });

  it('checks UpdateUser against both the current and the new identity', async () => {
    await asOperator.send(new UpdateUserCommand({ UserName: 'eng-user', NewUserName: 'eng-user-2' }));
    await deniedOn(
      asOperator.send(new UpdateUserCommand({ UserName: 'eng-user-2', NewPath: '/finance/' })),
      'iam:UpdateUser',
      `arn:aws:iam::${t.accountId}:user/finance/eng-user-2`,
    );
  });
});
