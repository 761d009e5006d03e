// IAM allows the names `.` and `..`, which URLs resolve as path steps. The console's own buttons must act on
// exactly the thing they name: "Remove" eve from group `..` once reached the BFF as DELETE /api/users/eve/
// and deleted eve. After every action the SDK (as the seeded root) checks that only the named thing went.
import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteGroupCommand,
  DeleteUserCommand, DeleteUserPolicyCommand, GetGroupCommand, ListAccessKeysCommand, ListGroupsCommand, ListGroupsForUserCommand,
  ListUserPoliciesCommand, ListUsersCommand, PutUserPolicyCommand, RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { rootIamClient } from './support/aws.ts';
import { expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';

const EVE = 'eve';
const GROUPS = ['..', '.', 'eve-team'];
const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] });

let iam: IAMClient;
let eveKeyId: string;

const sorted = (names: (string | undefined)[] | undefined) => (names ?? []).map(String).sort();
const userNames = async () => sorted((await iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName));
const groupNames = async () => sorted((await iam.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName));
const groupsOf = async (UserName: string) => sorted((await iam.send(new ListGroupsForUserCommand({ UserName }))).Groups?.map((g) => g.GroupName));
const membersOf = async (GroupName: string) => sorted((await iam.send(new GetGroupCommand({ GroupName }))).Users?.map((u) => u.UserName));
const inlineOf = async (UserName: string) => sorted((await iam.send(new ListUserPoliciesCommand({ UserName }))).PolicyNames);

/** Everything the spec made, as the SDK sees it; each step names what it changed and compares the rest. */
async function expectState(expected: { users: string[]; eveGroups: string[]; eveInline: string[]; dotDotMembers: string[] }) {
  const users = await userNames();
  for (const name of ['.', '..', EVE]) expect(users.includes(name), `user ${name} exists`).toBe(expected.users.includes(name));
  expect(await groupNames()).toEqual(expect.arrayContaining(GROUPS));
  expect(await groupsOf(EVE)).toEqual(expected.eveGroups);
  expect(await inlineOf(EVE)).toEqual(expected.eveInline);
  expect(sorted((await iam.send(new ListAccessKeysCommand({ UserName: EVE }))).AccessKeyMetadata?.map((k) => k.AccessKeyId))).toEqual([eveKeyId]);
  expect(await membersOf('..')).toEqual(expected.dotDotMembers);
}

/** Selects a row by its checkbox label in the open tab, presses `button` and confirms with "Remove". */
async function removeSelected(page: Page, row: string, button: string, dialogTitle: string) {
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('checkbox', { name: `Select ${row}`, exact: true }).check();
  await panel.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async () => {
  iam = rootIamClient();
  for (const UserName of [EVE, '..', '.']) await iam.send(new CreateUserCommand({ UserName }));
  eveKeyId = (await iam.send(new CreateAccessKeyCommand({ UserName: EVE }))).AccessKey!.AccessKeyId!;
  for (const GroupName of GROUPS) {
    await iam.send(new CreateGroupCommand({ GroupName }));
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName: EVE }));
  }
  await iam.send(new AddUserToGroupCommand({ GroupName: '..', UserName: '.' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'eve-team', UserName: '..' }));
  for (const PolicyName of ['..', 'keep']) await iam.send(new PutUserPolicyCommand({ UserName: EVE, PolicyName, PolicyDocument: document }));
});

test.afterAll(async () => {
  // Later specs see the demo account as seeded.
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  for (const GroupName of GROUPS) {
    for (const UserName of [EVE, '..', '.']) await quietly(iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName })));
    await quietly(iam.send(new DeleteGroupCommand({ GroupName })));
  }
  for (const PolicyName of ['..', 'keep']) await quietly(iam.send(new DeleteUserPolicyCommand({ UserName: EVE, PolicyName })));
  await quietly(iam.send(new DeleteAccessKeyCommand({ UserName: EVE, AccessKeyId: eveKeyId })));
  for (const UserName of [EVE, '..', '.']) await quietly(iam.send(new DeleteUserCommand({ UserName })));
});

test('the console acts on users, groups and policies named . and .. and on nothing else', async ({ page }) => {
  await expectState({ users: ['.', '..', EVE], eveGroups: ['.', '..', 'eve-team'], eveInline: ['..', 'keep'], dotDotMembers: ['.', EVE] });
  await openSignedIn(page, 'admin', '/users');

  await test.step('"Remove" eve from the group .. removes only that membership', async () => {
    await page.getByRole('link', { name: EVE, exact: true }).click();
    await expect(pageHeading(page, EVE)).toBeVisible();
    await page.getByRole('tab', { name: 'Groups (3)' }).click();
    await removeSelected(page, '..', 'Remove', `Remove ${EVE} from ..?`);
    await expect(page.getByText(`${EVE} removed from ...`)).toBeVisible();
    // The old console said so too, and had deleted eve: DELETE /api/users/eve/groups/.. is sent as /api/users/eve/.
    await expectState({ users: ['.', '..', EVE], eveGroups: ['.', 'eve-team'], eveInline: ['..', 'keep'], dotDotMembers: ['.'] });
    await expect(page.getByRole('tab', { name: 'Groups (2)' })).toBeVisible();
    await screenshot(page, 'dot-names-eve-groups');
  });

  await test.step('"Remove" on the inline policy .. deletes only that policy', async () => {
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await removeSelected(page, '..', 'Remove', 'Remove ..?');
    await expect(page.getByRole('tabpanel').getByRole('checkbox', { name: 'Select ..', exact: true })).toHaveCount(0);
    await expect(page.getByRole('tabpanel').getByRole('checkbox', { name: 'Select keep', exact: true })).toBeVisible();
    await expectState({ users: ['.', '..', EVE], eveGroups: ['.', 'eve-team'], eveInline: ['keep'], dotDotMembers: ['.'] });
  });

  await test.step('the group .. opens from its link, and "Remove users" takes only the member .', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'User groups', exact: true }).click();
    await page.getByRole('link', { name: '..', exact: true }).click();
    await expect(pageHeading(page, /^\.\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/groups\/~\.\.$/);
    await page.getByRole('tabpanel').getByRole('link', { name: '.', exact: true }).click();
    await expect(pageHeading(page, /^\.$/)).toBeVisible();
    await page.goBack();
    await expect(pageHeading(page, /^\.\.$/)).toBeVisible();
    await removeSelected(page, '.', 'Remove users', 'Remove . from ..?');
    await expect(page.getByText('. removed from ...')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Users (0)' })).toBeVisible();
    await screenshot(page, 'dot-names-group-dotdot');
    await expectState({ users: ['.', '..', EVE], eveGroups: ['.', 'eve-team'], eveInline: ['keep'], dotDotMembers: [] });
    expect(await groupsOf('.')).toEqual([]);
  });

  await test.step('the user .. opens from the list and "Delete" deletes only that user', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: '..', exact: true }).click();
    await expect(pageHeading(page, /^\.\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/users\/~\.\.$/);
    await page.getByTestId('delete-user').click();
    const dialog = page.getByRole('dialog', { name: 'Delete ..?' });
    await expect(dialog.getByText('1 group membership (eve-team)')).toBeVisible();
    await dialog.getByLabel('Confirm by typing the name').fill('..');
    await dialog.getByTestId('confirm-delete').click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByText('User .. deleted.')).toBeVisible();
    await expectState({ users: ['.', EVE], eveGroups: ['.', 'eve-team'], eveInline: ['keep'], dotDotMembers: [] });
    expect(await membersOf('eve-team')).toEqual([EVE]);
  });
});
