// IAM groups: list (with member counts), detail, create with members/policies (undone on failure), delete with clean-up.
import {
  AddUserToGroupCommand, CreateGroupCommand, DeleteGroupCommand, GetGroupCommand, RemoveUserFromGroupCommand,
  UpdateGroupCommand, paginateGetGroup, paginateListGroups,
} from '@aws-sdk/client-iam';
import type { Group, IAMClient, User } from '@aws-sdk/client-iam';
import { attachPolicy, attachedPolicies, detachPolicy, inlinePolicies, removeAllPolicies } from './principal-policies.ts';
import { collect, compact, iso, pager, section } from './shape.ts';
import type { Unavailable } from './shape.ts';
import { runSteps } from './steps.ts';
import { userSummary } from './users.ts';

export const groupSummary = (g: Partial<Group>) =>
  ({ groupName: g.GroupName ?? '', groupId: g.GroupId ?? '', arn: g.Arn ?? '', path: g.Path ?? '/', createDate: iso(g.CreateDate) ?? '' });

async function members(iam: IAMClient, groupName: string): Promise<{ group: Partial<Group>; users: User[] }> {
  let group: Partial<Group> = {};
  const users = await collect(paginateGetGroup(pager(iam), { GroupName: groupName }), (p) => {
    group = p.Group ?? group;
    return p.Users;
  });
  return { group, users };
}

export async function listGroups(iam: IAMClient, withMemberCount: boolean) {
  const groups = await collect(paginateListGroups(pager(iam), {}), (p) => p.Groups);
  if (!withMemberCount) return groups.map(groupSummary);
  // One GetGroup per group: fine for the console's group counts (IAM allows 300 groups per account).
  return Promise.all(groups.map(async (g) => ({ ...groupSummary(g), memberCount: (await members(iam, g.GroupName ?? '')).users.length })));
}

export async function getGroupDetail(iam: IAMClient, groupName: string) {
  const { group, users } = await members(iam, groupName);
  const unavailable: Unavailable[] = [];
  const [attached, inline] = await Promise.all([
    section('attachedPolicies', [], () => attachedPolicies(iam, 'group', groupName), unavailable),
    section('inlinePolicies', [], () => inlinePolicies(iam, 'group', groupName), unavailable),
  ]);
  return { group: groupSummary(group), users: users.map(userSummary), attachedPolicies: attached, inlinePolicies: inline, unavailable };
}

export async function createGroup(iam: IAMClient, input: { groupName: string; path?: string | undefined; managedPolicyArns?: string[] | undefined; users?: string[] | undefined }) {
  const name = input.groupName;
  return runSteps(`Creating group ${name}`, async (step) => {
    const out = await step('Create group',
      () => iam.send(new CreateGroupCommand({ GroupName: name, ...(input.path ? { Path: input.path } : {}) })),
      () => iam.send(new DeleteGroupCommand({ GroupName: name })));
    for (const arn of input.managedPolicyArns ?? []) {
      await step(`Attach policy ${arn}`, () => attachPolicy(iam, 'group', name, arn), () => detachPolicy(iam, 'group', name, arn));
    }
    for (const userName of input.users ?? []) {
      await step(`Add user ${userName}`,
        () => iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: userName })),
        () => iam.send(new RemoveUserFromGroupCommand({ GroupName: name, UserName: userName })));
    }
    return { group: groupSummary(out.Group ?? {}) };
  });
}

export async function deleteGroup(iam: IAMClient, groupName: string): Promise<void> {
  await runSteps(`Deleting group ${groupName}`, async (step) => {
    const { users } = await step('Read the group', () => members(iam, groupName));
    for (const u of users) {
      await step(`Remove user ${u.UserName}`, () => iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: u.UserName ?? '' })));
    }
    await step('Remove policies', () => removeAllPolicies(iam, 'group', groupName));
    await step('Delete group', () => iam.send(new DeleteGroupCommand({ GroupName: groupName })));
  }, { undoable: false });
}

export async function updateGroup(iam: IAMClient, groupName: string, change: { newGroupName?: string | undefined; newPath?: string | undefined }) {
  await iam.send(new UpdateGroupCommand(compact({ GroupName: groupName, NewGroupName: change.newGroupName, NewPath: change.newPath })));
  const out = await iam.send(new GetGroupCommand({ GroupName: change.newGroupName ?? groupName, MaxItems: 1 }));
  return { group: groupSummary(out.Group ?? {}) };
}
