// A role trust policy's user and role principals, through the SDK over HTTP: IAM refuses a user or role ARN of its
// own account that names no existing user or role (MalformedPolicyDocument `Invalid principal in policy:
// "AWS":"<arn>"`, as AWS was recorded answering CreateRole and UpdateAssumeRolePolicy), accepts account roots,
// "*", service principals and other accounts' ARNs, and shows a deleted user's or role's unique id in their place
// (IAM User Guide, "IAM JSON policy elements: Principal").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoleCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteRoleCommand, DeleteUserCommand, GetRoleCommand, UpdateAssumeRolePolicyCommand, UpdateUserCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { addUser } from './helpers/fixtures.ts';

let t: TestServer;
let other: string;
beforeAll(async () => {
  t = await startTestServer();
  other = t.accountId === '210987654321' ? '210987654322' : '210987654321';
  await t.iam.send(new CreateUserCommand({ UserName: 'ivy' }));
  await t.iam.send(new CreateUserCommand({ UserName: 'pat', Path: '/team/' }));
  await t.iam.send(new CreateRoleCommand({ RoleName: 'runner', AssumeRolePolicyDocument: trusting(t.accountId) }));
});
afterAll(() => t.close());

function trusting(...aws: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }] });
}

const arn = (type: 'user' | 'role', pathAndName: string, account = t.accountId) => `arn:aws:iam::${account}:${type}/${pathAndName}`;
const createRole = (name: string, document: string) => t.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: document }));
const storedTrust = async (name: string) => decodeURIComponent((await t.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.AssumeRolePolicyDocument!);

async function invalidPrincipal(call: Promise<unknown>, principal: string): Promise<void> {
  const error = await awsError(call);
  expect(error).toEqual({ name: 'MalformedPolicyDocumentException', status: 400, message: `Invalid principal in policy: "AWS":"${principal}"` });
}

describe('trust policy principals that must exist', () => {
  it('CreateRole accepts existing users and roles of the account, with their path', async () => {
    const document = trusting(arn('user', 'ivy'), arn('user', 'team/pat'), arn('role', 'runner'));
    await createRole('trusts-people', document);
    expect(await storedTrust('trusts-people')).toBe(document);
  });

  it('CreateRole refuses a user or role that does not exist, and creates nothing', async () => {
    await invalidPrincipal(createRole('refused', trusting(arn('user', 'ivy'), arn('user', 'nobody'))), arn('user', 'nobody'));
    await invalidPrincipal(createRole('refused', trusting(arn('role', 'ghost'))), arn('role', 'ghost'));
    // The path is part of the ARN: pat is /team/pat, not /pat.
    await invalidPrincipal(createRole('refused', trusting(arn('user', 'pat'))), arn('user', 'pat'));
    // A role cannot trust itself by ARN before it exists.
    await invalidPrincipal(createRole('refused', trusting(arn('role', 'refused'))), arn('role', 'refused'));
    expect((await awsError(t.iam.send(new GetRoleCommand({ RoleName: 'refused' })))).name).toBe('NoSuchEntityException');
  });

  it('UpdateAssumeRolePolicy refuses a missing user or role and keeps the trust policy it had', async () => {
    const before = await storedTrust('runner');
    await invalidPrincipal(t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: trusting(arn('role', 'ghost')) })), arn('role', 'ghost'));
    expect(await storedTrust('runner')).toBe(before);
    const itself = trusting(arn('role', 'runner'), arn('user', 'ivy'));
    await t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: itself }));
    expect(await storedTrust('runner')).toBe(itself);
  });

  it('accepts account roots of any account, "*", services and the users and roles of other accounts', async () => {
    const document = trusting(`arn:aws:iam::${other}:root`, other, arn('user', 'someone', other), arn('role', 'path/elsewhere', other), `arn:aws:iam::${t.accountId}:root`);
    await createRole('trusts-accounts', document);
    const open = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await createRole('trusts-anyone', open);
    expect(await storedTrust('trusts-accounts')).toBe(document);
    expect(await storedTrust('trusts-anyone')).toBe(open);
  });

  it('IAM\'s grammar answers first: a malformed principal is named before a missing one', async () => {
    await invalidPrincipal(createRole('refused', trusting(arn('user', 'nobody'), 'ACCOUNT-B-ID')), 'ACCOUNT-B-ID');
  });
});

describe('a deleted or renamed user or role in a trust policy', () => {
  it('is shown by its unique id, so a user created again with the same name is not trusted', async () => {
    const gone = addUser(t, 'gone');
    await createRole('trusts-gone', trusting(gone.arn, arn('user', 'ivy')));
    const allowed = await t.stsAs(gone.keys).send(new AssumeRoleCommand({ RoleArn: arn('role', 'trusts-gone'), RoleSessionName: 'session' }));
    expect(allowed.Credentials?.AccessKeyId).toMatch(/^ASIA/);

    await t.iam.send(new DeleteAccessKeyCommand({ UserName: 'gone', AccessKeyId: gone.keys.accessKeyId }));
    await t.iam.send(new DeleteUserCommand({ UserName: 'gone' }));
    expect(JSON.parse(await storedTrust('trusts-gone')).Statement[0].Principal.AWS).toEqual([gone.user.id, arn('user', 'ivy')]);
    expect(gone.user.id).toMatch(/^AIDA/);

    const again = addUser(t, 'gone');
    const denied = await awsError(t.stsAs(again.keys).send(new AssumeRoleCommand({ RoleArn: arn('role', 'trusts-gone'), RoleSessionName: 'session' })));
    expect(denied.name).toBe('AccessDenied');
  });

  it('a renamed or moved user is shown by its new ARN', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'mover' }));
    await createRole('trusts-mover', trusting(arn('user', 'mover'), arn('user', 'ivy')));
    await t.iam.send(new UpdateUserCommand({ UserName: 'mover', NewUserName: 'moved', NewPath: '/ops/' }));
    expect(JSON.parse(await storedTrust('trusts-mover')).Statement[0].Principal.AWS).toEqual([arn('user', 'ops/moved'), arn('user', 'ivy')]);
  });

  it('a deleted role becomes its AROA id, and other principals and the rest of the document stay as written', async () => {
    await createRole('short-lived', trusting(t.accountId));
    const { Role } = await t.iam.send(new GetRoleCommand({ RoleName: 'short-lived' }));
    const written = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${arn('role', 'short-lived')}"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalArn":"${arn('role', 'short-lived')}"}}}]}`;
    await createRole('trusts-short-lived', written);
    await t.iam.send(new DeleteRoleCommand({ RoleName: 'short-lived' }));
    expect(Role!.RoleId).toMatch(/^AROA/);
    expect(await storedTrust('trusts-short-lived')).toBe(written.replace(`"AWS":"${arn('role', 'short-lived')}"`, `"AWS":"${Role!.RoleId}"`));
  });
});
