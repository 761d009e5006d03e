// The BFF against the real embedded endpoint over HTTP: routes, AWS error mapping, multi-step flows.
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateLoginProfileCommand, CreatePolicyCommand,
  CreateUserCommand, GetUserCommand, PutUserPolicyCommand, AddUserToGroupCommand, ListAccessKeysCommand,
} from '@aws-sdk/client-iam';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let rootIam: IAMClient;
let b: Awaited<ReturnType<typeof browser>>;
let selfServiceKeys: Keys;

const selfServicePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:GetUser'], Resource: 'arn:aws:iam::*:user/${aws:username}' }],
});

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  h = createHarness(endpoint.makeClients);
  rootIam = endpoint.iamAs(endpoint.rootKeys);
  await rootIam.send(new CreateUserCommand({ UserName: 'carol' }));
  await rootIam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'own-keys', PolicyDocument: selfServicePolicy }));
  const key = await rootIam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  selfServiceKeys = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
  await rootIam.send(new CreateGroupCommand({ GroupName: 'developers' }));
  b = await browser(h.app);
  const res = await b.signIn(endpoint.rootKeys);
  expect(res.status).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('users', () => {
  it('creates a user with a group, a managed policy, a password and a key, then lists and reads it', async () => {
    const policy = await rootIam.send(new CreatePolicyCommand({ PolicyName: 'read-things', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] }) }));
    const res = await b.post('/api/users', {
      userName: 'dave', path: '/team/', groups: ['developers'], managedPolicyArns: [policy.Policy!.Arn!],
      consolePassword: { password: 'Correct-Horse-Battery-9', resetRequired: true }, tags: [{ key: 'team', value: 'blue' }], createAccessKey: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ userName: 'dave', path: '/team/', arn: `arn:aws:iam::${endpoint.accountId}:user/team/dave` });
    expect(res.body.accessKey.accessKeyId).toMatch(/^AKIA/);
    expect(res.body.accessKey.secretAccessKey).toHaveLength(40);

    const list = await b.get('/api/users');
    expect(list.body.items.map((u: { userName: string }) => u.userName)).toEqual(expect.arrayContaining(['carol', 'dave']));

    const detail = await b.get('/api/users/dave');
    expect(detail.status).toBe(200);
    expect(detail.body.groups).toEqual([{ groupName: 'developers', arn: expect.stringContaining(':group/developers') }]);
    expect(detail.body.attachedPolicies).toEqual([{ policyName: 'read-things', policyArn: policy.Policy!.Arn! }]);
    expect(detail.body.loginProfile).toMatchObject({ passwordResetRequired: true });
    expect(detail.body.accessKeys).toHaveLength(1);
    expect(detail.body.accessKeys[0].lastUsed).toMatchObject({ service: 'N/A', region: 'N/A' });
    expect(detail.body.user.tags).toEqual([{ key: 'team', value: 'blue' }]);
  });

  it('answers EntityAlreadyExists as 409 with AWS’s message and request id', async () => {
    const res = await b.post('/api/users', { userName: 'carol' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EntityAlreadyExists');
    expect(res.body.error.message).toContain('carol');
    expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['/api/users/nobody-here', '/api/groups/nobody-here', '/api/roles/nobody-here', `/api/policies/${encodeURIComponent('arn:aws:iam::123456789012:policy/nobody-here')}`])('answers NoSuchEntity as 404 (%s)', async (url) => {
    const res = await b.get(url);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NoSuchEntity');
    expect(res.body.error.requestId).toBeTruthy();
  });

  it('answers the delete of an unknown user with 404 naming the step', async () => {
    const res = await b.delete('/api/users/nobody-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NoSuchEntity', failedStep: 'Check the user exists' });
  });

  it('refuses invalid input before calling AWS', async () => {
    const res = await b.post('/api/users', { userName: 'no spaces allowed', groups: 'not-a-list' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['groups', 'userName']);
  });

  it('takes paths with empty segments as IAM does, and refuses what IAM refuses before calling it', async () => {
    const created = await b.post('/api/users', { userName: 'paula', path: '/a//b/' });
    expect(created.status).toBe(201);
    expect(created.body.user.arn).toBe(`arn:aws:iam::${endpoint.accountId}:user/a//b/paula`);
    const bare = await b.post('/api/users', { userName: 'quentin', path: '//' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details).toEqual([{ path: 'path', message: expect.stringMatching(/^The path must be a forward slash/) }]);
    const reserved = await b.post('/api/users', { userName: 'quentin', tags: [{ key: 'AWS:owner', value: 'x' }] });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.details).toEqual([{ path: 'tags', message: 'Tag key AWS:owner: A tag key cannot begin with aws: (reserved for AWS use).' }]);
    const twice = await b.post('/api/users', { userName: 'quentin', tags: [{ key: 'Team', value: 'a' }, { key: 'team', value: 'b' }] });
    expect(twice.body.error.details).toEqual([{ path: 'tags', message: 'Tag keys Team and team: Each tag key can be used only once. Tag keys of IAM users ignore case.' }]);
    await expect(rootIam.send(new GetUserCommand({ UserName: 'quentin' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('undoes a half-created user when a later step fails, and names the step', async () => {
    const res = await b.post('/api/users', { userName: 'erin', consolePassword: { password: 'Correct-Horse-Battery-9', resetRequired: false }, groups: ['no-such-group'] });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NoSuchEntity', failedStep: 'Add to group no-such-group' });
    expect(res.body.error.message).toMatch(/^Creating user erin failed at step "Add to group no-such-group": .*nothing was kept/);
    await expect(rootIam.send(new GetUserCommand({ UserName: 'erin' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('deletes a user after removing keys, password, MFA device, policies and group memberships', async () => {
    await rootIam.send(new CreateUserCommand({ UserName: 'frank' }));
    await rootIam.send(new CreateAccessKeyCommand({ UserName: 'frank' }));
    await rootIam.send(new CreateLoginProfileCommand({ UserName: 'frank', Password: 'Correct-Horse-Battery-9' }));
    await rootIam.send(new AddUserToGroupCommand({ UserName: 'frank', GroupName: 'developers' }));
    await rootIam.send(new PutUserPolicyCommand({ UserName: 'frank', PolicyName: 'inline', PolicyDocument: selfServicePolicy }));
    await rootIam.send(new AttachUserPolicyCommand({ UserName: 'frank', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const device = (await rootIam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'frank' }))).VirtualMFADevice!;
    const secret = Secret.fromBase32(Buffer.from(device.Base32StringSeed!).toString('utf8'));
    const code = (steps: number) => TOTP.generate({ secret, timestamp: Date.now() + steps * 30_000 });
    await rootIam.send(new EnableMFADeviceCommand({ UserName: 'frank', SerialNumber: device.SerialNumber!, AuthenticationCode1: code(-1), AuthenticationCode2: code(0) }));
    const res = await b.delete('/api/users/frank');
    expect(res.status).toBe(204);
    const devices = await rootIam.send(new ListVirtualMFADevicesCommand({}));
    expect(devices.VirtualMFADevices?.map((d) => d.SerialNumber)).not.toContain(device.SerialNumber);
    await expect(rootIam.send(new GetUserCommand({ UserName: 'frank' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('manages access keys: create (secret shown once), deactivate, delete', async () => {
    const created = await b.post('/api/users/carol/access-keys');
    expect(created.status).toBe(201);
    expect(created.body.secretAccessKey).toHaveLength(40);
    const id = created.body.accessKeyId as string;
    expect((await b.patch(`/api/users/carol/access-keys/${id}`, { status: 'Inactive' })).status).toBe(204);
    const keys = await rootIam.send(new ListAccessKeysCommand({ UserName: 'carol' }));
    expect(keys.AccessKeyMetadata?.find((k) => k.AccessKeyId === id)?.Status).toBe('Inactive');
    expect((await b.delete(`/api/users/carol/access-keys/${id}`)).status).toBe(204);
  });
});

describe('user sub-resources', () => {
  it('replaces tags, manages inline policies, boundary, console password, groups and renames', async () => {
    await rootIam.send(new CreateUserCommand({ UserName: 'hank', Tags: [{ Key: 'old', Value: '1' }, { Key: 'keep', Value: 'a' }] }));
    const tags = await b.put('/api/users/hank/tags', { tags: [{ key: 'keep', value: 'b' }, { key: 'new', value: '2' }] });
    expect(tags.status).toBe(200);
    expect(tags.body.items).toEqual(expect.arrayContaining([{ key: 'keep', value: 'b' }, { key: 'new', value: '2' }]));
    expect(tags.body.items).toHaveLength(2);

    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] });
    expect((await b.put('/api/users/hank/inline-policies/read-self', { document })).status).toBe(204);
    const inline = await b.get('/api/users/hank/inline-policies');
    expect(inline.body.items).toEqual([{ policyName: 'read-self', document: expect.any(String) }]);
    expect(JSON.parse(inline.body.items[0].document)).toEqual(JSON.parse(document));
    expect((await b.delete('/api/users/hank/inline-policies/read-self')).status).toBe(204);

    expect((await b.put('/api/users/hank/permissions-boundary', { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).status).toBe(204);
    expect((await b.get('/api/users/hank')).body.user.permissionsBoundary).toEqual({ policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', type: 'Policy' });
    expect((await b.delete('/api/users/hank/permissions-boundary')).status).toBe(204);

    expect((await b.put('/api/users/hank/login-profile', { password: 'Correct-Horse-Battery-9', resetRequired: false })).status).toBe(201);
    expect((await b.put('/api/users/hank/login-profile', { password: 'Correct-Horse-Battery-10', resetRequired: true })).status).toBe(204);
    expect((await b.get('/api/users/hank')).body.loginProfile).toMatchObject({ passwordResetRequired: true });
    expect((await b.delete('/api/users/hank/login-profile')).status).toBe(204);

    expect((await b.post('/api/users/hank/groups', { groupName: 'developers' })).status).toBe(204);
    expect((await b.get('/api/users/hank')).body.groups.map((g: { groupName: string }) => g.groupName)).toEqual(['developers']);
    expect((await b.delete('/api/users/hank/groups/developers')).status).toBe(204);

    const renamed = await b.patch('/api/users/hank', { newUserName: 'henry', newPath: '/ops/' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user).toMatchObject({ userName: 'henry', path: '/ops/' });
    expect((await b.get('/api/users/hank')).status).toBe(404);
  });
});

describe('as the self-service user', () => {
  it('is refused admin routes with “You lack iam:X on Y” and AWS’s text', async () => {
    const other = await browser(h.app);
    expect((await other.signIn(selfServiceKeys)).status).toBe(200);
    const res = await other.get('/api/users');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AccessDenied');
    expect(res.body.error.message).toMatch(/^You lack iam:ListUsers on arn:aws:iam::\d{12}:user\/.* \(AWS: User: arn:aws:iam::\d{12}:user\/carol is not authorized to perform: iam:ListUsers/);
    expect(res.body.error.requestId).toBeTruthy();
    // Their own detail page still loads; the parts IAM refuses are named instead of failing the page.
    const own = await other.get('/api/users/carol');
    expect(own.status).toBe(200);
    expect(own.body.user.userName).toBe('carol');
    const missing = own.body.unavailable.map((u: { section: string }) => u.section);
    expect(missing).toEqual(expect.arrayContaining(['groups', 'attachedPolicies', 'mfaDevices', 'loginProfile']));
    expect(own.body.unavailable[0].message).toMatch(/is not authorized to perform/);
    const create = await other.post('/api/users', { userName: 'mallory' });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/^Creating user mallory failed at step "Create user": You lack iam:CreateUser on arn:aws:iam::\d{12}:user\/mallory \(AWS: /);
  });
});
