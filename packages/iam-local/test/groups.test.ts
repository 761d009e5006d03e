// Groups and membership over HTTP: CRUD, members paginated, ListGroupsForUser, 10-group quota, DeleteConflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] });

describe('groups', () => {
  it('creates, gets, lists and renames a group', async () => {
    const { Group } = await t.iam.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/eng/' }));
    expect(Group).toMatchObject({ GroupName: 'devs', Path: '/eng/', Arn: `arn:aws:iam::${t.accountId}:group/eng/devs` });
    expect(Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect((await awsError(t.iam.send(new CreateGroupCommand({ GroupName: 'DEVS' })))).message).toBe('Group with name DEVS already exists.');
    const listed = await t.iam.send(new ListGroupsCommand({ PathPrefix: '/eng/' }));
    expect(listed.Groups?.map((g) => g.GroupName)).toEqual(['devs']);
    await t.iam.send(new UpdateGroupCommand({ GroupName: 'devs', NewGroupName: 'developers', NewPath: '/' }));
    const got = await t.iam.send(new GetGroupCommand({ GroupName: 'developers' }));
    expect(got.Group).toMatchObject({ GroupId: Group?.GroupId, Arn: `arn:aws:iam::${t.accountId}:group/developers` });
    expect(got.Users).toEqual([]);
    expect(await awsError(t.iam.send(new GetGroupCommand({ GroupName: 'devs' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The group with name devs cannot be found.',
    });
  });

  it('manages members with pagination and ListGroupsForUser', async () => {
    await t.iam.send(new CreateGroupCommand({ GroupName: 'team' }));
    for (const name of ['m3', 'm1', 'm2']) {
      await t.iam.send(new CreateUserCommand({ UserName: name }));
      await t.iam.send(new AddUserToGroupCommand({ GroupName: 'team', UserName: name }));
    }
    await t.iam.send(new AddUserToGroupCommand({ GroupName: 'team', UserName: 'm1' })); // again: no change
    const first = await t.iam.send(new GetGroupCommand({ GroupName: 'team', MaxItems: 2 }));
    expect(first.Users?.map((u) => u.UserName)).toEqual(['m1', 'm2']);
    expect(first.IsTruncated).toBe(true);
    const rest = await t.iam.send(new GetGroupCommand({ GroupName: 'team', Marker: first.Marker }));
    expect(rest.Users?.map((u) => u.UserName)).toEqual(['m3']);
    const forUser = await t.iam.send(new ListGroupsForUserCommand({ UserName: 'm2' }));
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['team']);
    await t.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'team', UserName: 'm2' }));
    expect((await t.iam.send(new ListGroupsForUserCommand({ UserName: 'm2' }))).Groups).toEqual([]);
    expect((await awsError(t.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'team', UserName: 'm2' })))).name).toBe('NoSuchEntityException');
    expect((await awsError(t.iam.send(new AddUserToGroupCommand({ GroupName: 'team', UserName: 'ghost' })))).message).toBe(
      'The user with name ghost cannot be found.',
    );
    expect((await awsError(t.iam.send(new ListGroupsForUserCommand({ UserName: 'ghost' })))).status).toBe(404);
  });

  it('lists members by their current name after a rename, case-insensitively ordered, across pages', async () => {
    await t.iam.send(new CreateGroupCommand({ GroupName: 'renamers' }));
    for (const name of ['Bravo', 'charlie', 'delta']) {
      await t.iam.send(new CreateUserCommand({ UserName: name }));
      await t.iam.send(new AddUserToGroupCommand({ GroupName: 'renamers', UserName: name }));
    }
    await t.iam.send(new UpdateUserCommand({ UserName: 'delta', NewUserName: 'Alpha' }));
    const names: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await t.iam.send(new GetGroupCommand({ GroupName: 'renamers', MaxItems: 2, Marker }));
      names.push(...(page.Users ?? []).map((user) => user.UserName ?? ''));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    expect(names).toEqual(['Alpha', 'Bravo', 'charlie']);
  });

  it('pages ListGroups and refuses renaming onto a taken name', async () => {
    for (const name of ['pg-b', 'pg-a', 'pg-c']) await t.iam.send(new CreateGroupCommand({ GroupName: name, Path: '/paging/' }));
    const first = await t.iam.send(new ListGroupsCommand({ PathPrefix: '/paging/', MaxItems: 2 }));
    expect(first.Groups?.map((g) => g.GroupName)).toEqual(['pg-a', 'pg-b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await t.iam.send(new ListGroupsCommand({ PathPrefix: '/paging/', MaxItems: 2, Marker: first.Marker }));
    expect(rest.Groups?.map((g) => g.GroupName)).toEqual(['pg-c']);
    expect(rest.IsTruncated).toBe(false);
    expect(await awsError(t.iam.send(new UpdateGroupCommand({ GroupName: 'pg-a', NewGroupName: 'PG-B' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'Group with name PG-B already exists.',
    });
    expect((await awsError(t.iam.send(new UpdateGroupCommand({ GroupName: 'nope', NewPath: '/x/' })))).status).toBe(404);
    expect((await awsError(t.iam.send(new DeleteGroupCommand({ GroupName: 'nope' })))).message).toBe('The group with name nope cannot be found.');
    const invalid = await awsError(t.iam.send(new CreateGroupCommand({ GroupName: 'has space' })));
    expect(invalid.message).toContain("Value at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it('limits a user to 10 groups', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 10; i++) {
      await t.iam.send(new CreateGroupCommand({ GroupName: `g${i}` }));
      await t.iam.send(new AddUserToGroupCommand({ GroupName: `g${i}`, UserName: 'joiner' }));
    }
    await t.iam.send(new CreateGroupCommand({ GroupName: 'g10' }));
    expect(await awsError(t.iam.send(new AddUserToGroupCommand({ GroupName: 'g10', UserName: 'joiner' })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
  });

  it('refuses DeleteGroup while it has members, inline or attached policies', async () => {
    await t.iam.send(new CreateGroupCommand({ GroupName: 'busy' }));
    await t.iam.send(new CreateUserCommand({ UserName: 'busy-member' }));
    await t.iam.send(new AddUserToGroupCommand({ GroupName: 'busy', UserName: 'busy-member' }));
    await t.iam.send(new PutGroupPolicyCommand({ GroupName: 'busy', PolicyName: 'p', PolicyDocument: DOC }));
    await t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'busy', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }));
    const conflict = async () => (await awsError(t.iam.send(new DeleteGroupCommand({ GroupName: 'busy' })))).message;
    expect(await conflict()).toBe('Cannot delete entity, must remove users from group first.');
    await t.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'busy', UserName: 'busy-member' }));
    expect(await conflict()).toBe('Cannot delete entity, must delete policies first.');
    await t.iam.send(new DeleteGroupPolicyCommand({ GroupName: 'busy', PolicyName: 'p' }));
    expect(await conflict()).toBe('Cannot delete entity, must detach all policies first.');
    await t.iam.send(new DetachGroupPolicyCommand({ GroupName: 'busy', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' }));
    await t.iam.send(new DeleteGroupCommand({ GroupName: 'busy' }));
    expect((await awsError(t.iam.send(new GetGroupCommand({ GroupName: 'busy' })))).status).toBe(404);
  });
});
