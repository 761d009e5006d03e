// Names `.` and `..` (IAM allows them) against the real embedded endpoint: a bare dot segment, raw or
// percent-encoded, is refused and never reaches a parent route; the `~` escape names the thing itself.
import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand, GetGroupCommand, GetUserCommand,
  ListAccessKeysCommand, ListGroupsForUserCommand, ListUserPoliciesCommand, ListUsersCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameFromSegment, PATH_PARAMS } from '../src/http/path-names.ts';
import { groupsRouter } from '../src/routes/groups.ts';
import { policiesRouter } from '../src/routes/policies.ts';
import { rolesRouter } from '../src/routes/roles.ts';
import { usersRouter } from '../src/routes/users.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let iam: IAMClient;
let b: Awaited<ReturnType<typeof browser>>;
let eveKeyId: string;

const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] });

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  h = createHarness(endpoint.makeClients);
  iam = endpoint.iamAs(endpoint.rootKeys);
  for (const UserName of ['eve', '..', '.']) await iam.send(new CreateUserCommand({ UserName }));
  eveKeyId = (await iam.send(new CreateAccessKeyCommand({ UserName: 'eve' }))).AccessKey!.AccessKeyId!;
  for (const GroupName of ['..', '.', 'devs']) await iam.send(new CreateGroupCommand({ GroupName }));
  for (const GroupName of ['..', '.', 'devs']) await iam.send(new AddUserToGroupCommand({ GroupName, UserName: 'eve' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: '..' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'eve', PolicyName: '..', PolicyDocument: document }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'eve', PolicyName: 'keep', PolicyDocument: document }));
  b = await browser(h.app);
  expect((await b.signIn(endpoint.rootKeys)).status).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

const userNames = async () => ((await iam.send(new ListUsersCommand({}))).Users ?? []).map((u) => u.UserName).sort();
const groupsOf = async (UserName: string) => ((await iam.send(new ListGroupsForUserCommand({ UserName }))).Groups ?? []).map((g) => g.GroupName).sort();
const inlineOf = async (UserName: string) => ((await iam.send(new ListUserPoliciesCommand({ UserName }))).PolicyNames ?? []).sort();
const membersOf = async (GroupName: string) => ((await iam.send(new GetGroupCommand({ GroupName }))).Users ?? []).map((u) => u.UserName).sort();

async function expectEveUntouched() {
  expect((await iam.send(new GetUserCommand({ UserName: 'eve' }))).User?.UserName).toBe('eve');
  expect(((await iam.send(new ListAccessKeysCommand({ UserName: 'eve' }))).AccessKeyMetadata ?? []).map((k) => k.AccessKeyId)).toEqual([eveKeyId]);
}

describe('nameFromSegment', () => {
  it('removes one leading ~ and keeps any other segment as it is', () => {
    expect(nameFromSegment('~..', 'groupName')).toBe('..');
    expect(nameFromSegment('~.', 'groupName')).toBe('.');
    expect(nameFromSegment('~~x', 'groupName')).toBe('~x');
    expect(nameFromSegment('...', 'groupName')).toBe('...');
    expect(nameFromSegment('eve', 'userName')).toBe('eve');
  });

  it.each(['.', '..'])('refuses the bare step %j with a ValidationError naming the parameter', (segment) => {
    expect(() => nameFromSegment(segment, 'groupName')).toThrow(expect.objectContaining({ status: 400, code: 'ValidationError', extra: { details: [expect.objectContaining({ path: 'groupName' })] } }));
  });
});

describe('dot segments never reach another route', () => {
  it('DELETE /api/users/eve/ (what …/groups/.. resolves to) matches no route: eve, her key and groups stay', async () => {
    const res = await b.delete('/api/users/eve/');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
    await expectEveUntouched();
    expect(await groupsOf('eve')).toEqual(['.', '..', 'devs']);
  });

  it.each([
    ['/api/users/eve/groups/%2e%2e', 'groupName'],
    ['/api/users/eve/groups/%2E', 'groupName'],
    ['/api/users/eve/groups/.%2e', 'groupName'],
    ['/api/users/eve/inline-policies/%2e%2e', 'policyName'],
    ['/api/users/%2e%2e/groups/devs', 'userName'],
    ['/api/users/%2e%2e', 'userName'],
    ['/api/groups/%2e%2e/users/eve', 'groupName'],
    ['/api/groups/devs/users/%2e%2e', 'userName'],
    ['/api/groups/%2e', 'groupName'],
    ['/api/roles/%2e%2e', 'roleName'],
  ])('DELETE %s → 400 ValidationError on %s, nothing changed', async (url, param) => {
    const res = await b.delete(url);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([param]);
    await expectEveUntouched();
    expect(await groupsOf('eve')).toEqual(['.', '..', 'devs']);
    expect(await inlineOf('eve')).toEqual(['..', 'keep']);
    expect(await userNames()).toEqual(['.', '..', 'eve']);
    expect(await membersOf('devs')).toEqual(['..', 'eve']);
  });

  it('GET /api/users/%2e → 400 too: a read is not taken for the list either', async () => {
    const res = await b.get('/api/users/%2e');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
  });
});

describe('the ~ escape names the dot-named thing itself', () => {
  it('reads the users . and .. by their own names', async () => {
    expect((await b.get('/api/users/~.')).body.user.userName).toBe('.');
    expect((await b.get('/api/users/~..')).body.user.userName).toBe('..');
    expect((await b.get('/api/groups/~..')).body.group.groupName).toBe('..');
  });

  it('removes eve from the group .. only', async () => {
    expect((await b.delete('/api/users/eve/groups/~..')).status).toBe(204);
    expect(await groupsOf('eve')).toEqual(['.', 'devs']);
    await expectEveUntouched();
  });

  it('removes the inline policy .. only', async () => {
    expect((await b.delete('/api/users/eve/inline-policies/~..')).status).toBe(204);
    expect(await inlineOf('eve')).toEqual(['keep']);
    await expectEveUntouched();
  });

  it('removes the member eve from the group . only (percent-encoded escape too)', async () => {
    expect((await b.delete('/api/groups/%7E./users/eve')).status).toBe(204);
    expect(await groupsOf('eve')).toEqual(['devs']);
    expect(await membersOf('devs')).toEqual(['..', 'eve']);
  });

  it('deletes the user .. only, and the audit log names it', async () => {
    expect((await b.delete('/api/users/~..')).status).toBe(204);
    expect(await userNames()).toEqual(['.', 'eve']);
    expect(await membersOf('devs')).toEqual(['eve']);
    await expectEveUntouched();
    expect(h.auditLog.list({ limit: 1 })[0]).toMatchObject({ operation: 'DeleteUser', target: 'user/..', result: 'success' });
  });
});

describe('every path parameter is decoded', () => {
  it('the resource routers use no parameter outside PATH_PARAMS', () => {
    const routers: Router[] = [usersRouter(), groupsRouter(), rolesRouter(), policiesRouter()];
    const used = routers.flatMap((router) =>
      (router.stack as { route?: { path: string } }[]).flatMap((layer) => [...(layer.route?.path.matchAll(/:(\w+)/g) ?? [])].map((m) => m[1]!)),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(new Set(used)).toEqual(new Set(PATH_PARAMS));
  });
});
