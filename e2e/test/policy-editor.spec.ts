// The policy editor (Monaco + the policy engine in a worker) wherever a policy is written: live findings as
// markers and in the panel before any save, completion from the action catalog, quick fixes, saving a managed
// policy and a new default version, the diff of two versions, a role's trust policy, inline policies, and the
// simulator beside the editor.
import { CreateGroupCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, GetGroupPolicyCommand, GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { rootIamClient } from './support/aws.ts';
import { expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';
import { stack } from './support/stack.ts';

const BROKEN_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadUsers",
      "Effect": "allow",
      "Action": "iam:GetUser",
      "Resource": "*"
    },
    {
      "Sid": "ReadUsers",
      "Effect": "Allow",
      "Action": "iam:ListUsers",
      "Resource": "*"
    }
  ]
}`;

/** Version 2 of the policy: listing users too, and never deleting one. */
const SECOND_VERSION = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadUsers", "Effect": "Allow", "Action": ["iam:GetUser", "iam:ListUsers", "iam:ListGroups"], "Resource": "*" },
    { "Sid": "NeverDeleteUsers", "Effect": "Deny", "Action": "iam:DeleteUser", "Resource": "*" }
  ]
}`;

const at = (text: string, needle: string, nth = 0) => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
};

/** The editor's text area (Monaco's hidden textarea carries the accessible name). */
function editorInput(page: Page, name = 'Policy document'): Locator {
  return page.getByRole('textbox', { name });
}

/** Replaces the whole text of the editor by pasting (typed text would be auto-indented and auto-closed). */
async function replaceText(page: Page, input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await input.evaluate((area, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The rendered token of the editor whose text is exactly `text` (Monaco renders each token as a span). */
function token(page: Page, text: string): Locator {
  return page.locator('.view-lines span span').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
}

/** True when an error squiggle is drawn over the nth token `text` (same line, overlapping columns). */
async function squiggleOver(page: Page, text: string, nth = 0): Promise<boolean> {
  const box = await token(page, text).nth(nth).boundingBox();
  if (!box) return false;
  const squiggles = await page.locator('.squiggly-error').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  return squiggles.some((s) => Math.abs(s.y - box.y) < box.height / 2 && s.x < box.x + box.width && s.x + s.width > box.x);
}

function findingsTab(page: Page, label: RegExp): Locator {
  return page.getByRole('tab', { name: label });
}

test('create a policy: findings while typing, quick fix, Ctrl+Space, save; edit, simulate, v2 default, compare v1 and v2', async ({ page }) => {
  await openSignedIn(page, 'admin', '/policies/create');
  await expect(pageHeading(page, 'Create policy')).toBeVisible();
  const input = editorInput(page);
  await expect(page.locator('.monaco-editor')).toBeVisible();

  await replaceText(page, input, BROKEN_POLICY);
  // Before any save: the panel lists both errors at their ranges, and the editor marks them there.
  const effect = at(BROKEN_POLICY, '"allow"');
  const effectFinding = page.getByRole('button', { name: new RegExp(`^Ln ${effect.line}, Col ${effect.column}: The Effect "allow" is not valid`) });
  await expect(effectFinding).toBeVisible();
  const sid = at(BROKEN_POLICY, '"ReadUsers"', 1);
  const sidFinding = page.getByRole('button', { name: new RegExp(`^Ln ${sid.line}, Col ${sid.column}: The Sid ReadUsers is already used`) });
  await expect(sidFinding).toBeVisible();
  await expect(findingsTab(page, /^Errors: 2$/)).toBeVisible();
  await expect.poll(() => squiggleOver(page, '"allow"')).toBe(true);
  await expect.poll(() => squiggleOver(page, '"ReadUsers"', 1)).toBe(true);
  expect(await squiggleOver(page, '"ReadUsers"', 0)).toBe(false);
  await expect(page.getByTestId('policy-size')).toContainText(`${JSON.stringify(JSON.parse(BROKEN_POLICY)).length} of 6,144 characters`);
  await screenshot(page, 'policy-editor-findings');

  // The quick fix renames the duplicate Sid.
  await sidFinding.click();
  await page.keyboard.press('Control+.');
  await page.getByText('Rename the Sid to ReadUsers2').click();
  await expect(sidFinding).toHaveCount(0);
  await expect(token(page, '"ReadUsers2"')).toBeVisible();

  // Ctrl+Space inside an Action string offers IAM's actions.
  // A double click selects the word after the colon.
  await token(page, '"iam:ListUsers"').dblclick();
  await page.keyboard.type('GetGr');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget');
  const getGroup = suggestions.locator('.monaco-list-row').filter({ hasText: /^iam:GetGroup(Read)?$/ });
  await expect(getGroup).toBeVisible();
  await screenshot(page, 'policy-editor-completion');
  await getGroup.click();
  await expect(token(page, '"iam:GetGroup"')).toBeVisible();

  // Hovering an action describes it.
  await token(page, '"iam:GetUser"').hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'iam:GetUser' });
  await expect(hover).toContainText('iam:GetUser — Read');
  await expect(hover).toContainText('Resource types: user (required)');
  await screenshot(page, 'policy-editor-hover');
  await page.mouse.move(0, 0);

  await effectFinding.click();
  await page.keyboard.press('Delete');
  await page.keyboard.type('"Allow');
  await expect(findingsTab(page, /^Errors: 0$/)).toBeVisible();
  await expect(page.locator('.squiggly-error')).toHaveCount(0);

  // Leaving with unsaved changes asks first; Cancel stays on the page with the text kept.
  await page.getByRole('button', { name: 'Cancel' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave page?' });
  await expect(leave).toContainText('You have unsaved changes');
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/policies\/create$/);
  await expect(token(page, '"ReadUsers2"')).toBeVisible();

  await page.getByLabel('Policy name').fill('EditorReadUsers');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(pageHeading(page, 'EditorReadUsers')).toBeVisible();
  await expect(page.getByLabel('Policy document')).toContainText('"iam:GetGroup"');

  // Edit: the default version in the editor; simulate before saving.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Edit policy EditorReadUsers' })).toBeVisible();
  await replaceText(page, editorInput(page), SECOND_VERSION);
  await expect(findingsTab(page, /^Errors: 0$/)).toBeVisible();
  await page.getByLabel('Actions to simulate').fill('iam:ListUsers, iam:DeleteUser');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('table', { name: 'Simulation results' });
  await expect(results.getByRole('row', { name: /iam:ListUsers Allowed ReadUsers/ })).toBeVisible();
  const denied = results.getByRole('row', { name: /iam:DeleteUser Denied \(explicit deny\) NeverDeleteUsers/ });
  await expect(denied).toBeVisible();
  await expect(page.locator('.policy-editor-highlight')).not.toHaveCount(0);
  await denied.getByText('iam:DeleteUser', { exact: true }).click();
  await expect(page.locator('.policy-editor-highlight-deny')).not.toHaveCount(0);
  await expect(denied).toContainText('Explicitly denied iam:DeleteUser');
  await screenshot(page, 'policy-editor-simulator');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Version v2 is now the default.')).toBeVisible();
  await expect(page.getByLabel('Policy document')).toContainText('NeverDeleteUsers');
  await page.getByRole('tab', { name: /^Policy versions/ }).click();
  const versions = page.getByRole('tabpanel');
  await expect(versions.getByRole('row', { name: /v2 Default/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /v1 -/ })).toBeVisible();

  // Compare v1 and v2: the text diff and the permissions gained.
  await page.getByRole('checkbox', { name: 'Select version v1' }).click();
  await page.getByRole('checkbox', { name: 'Select version v2' }).click();
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare v1 and v2' });
  await expect(compare.locator('.monaco-diff-editor')).toBeVisible();
  await expect(compare.getByText(/^Actions gained \(2 actions\)/)).toBeVisible();
  await expect(compare.getByRole('list', { name: 'Actions gained' })).toContainText('iam:ListUsers on *');
  await expect(compare.getByRole('list', { name: 'Actions gained' })).toContainText('iam:ListGroups on *');
  await expect(compare.getByText(/^Denies added \(1 action\)/)).toBeVisible();
  await screenshot(page, 'policy-editor-compare');
});

test('edit a role\'s trust policy', async ({ page }) => {
  const iam = rootIamClient();
  const trust = (account: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] }, null, 2);
  await iam.send(new CreateRoleCommand({ RoleName: 'EditorTrustRole', AssumeRolePolicyDocument: trust(stack.accountId) }));
  await openSignedIn(page, 'admin', '/roles/EditorTrustRole');
  await page.getByRole('tab', { name: 'Trust relationships' }).click();
  await page.getByRole('button', { name: 'Edit trust policy' }).click();
  const input = editorInput(page, 'Trust policy document');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  // A trust policy has no Resource: the trust policy checks say so before saving.
  await replaceText(page, input, trust('444455556666').replace('"Action"', '"Resource": "*",\n      "Action"'));
  await expect(page.getByText('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE')).toBeVisible();
  await expect(page.getByTestId('policy-size')).toContainText('of 2,048 characters');
  await screenshot(page, 'policy-editor-trust');
  await replaceText(page, input, trust('444455556666'));
  await expect(findingsTab(page, /^Errors: 0$/)).toBeVisible();
  await page.getByRole('button', { name: 'Update policy' }).click();
  await expect(page.getByText('Trust policy of EditorTrustRole updated.')).toBeVisible();
  await expect(page.getByLabel('Trust policy', { exact: true })).toContainText('444455556666');
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'EditorTrustRole' }));
  expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toContain('arn:aws:iam::444455556666:root');
});

test('create and edit an inline policy of a group', async ({ page }) => {
  const iam = rootIamClient();
  await iam.send(new CreateGroupCommand({ GroupName: 'EditorGroup' }));
  await openSignedIn(page, 'admin', '/groups/EditorGroup');
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await page.getByRole('button', { name: 'Create inline policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create inline policy for EditorGroup' });
  await expect(dialog.locator('.monaco-editor')).toBeVisible();
  await expect(dialog.getByTestId('policy-size')).toContainText('of 5,120 characters');
  await dialog.getByLabel('Policy name').fill('EditorInline');
  await replaceText(page, editorInput(page, 'Inline policy document'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListGroups', Resource: '*' }] }, null, 2));
  await expect(dialog.getByRole('tab', { name: /^Errors: 0$/ })).toBeVisible();
  await screenshot(page, 'policy-editor-inline');
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Inline policy EditorInline created for EditorGroup.')).toBeVisible();
  const { PolicyDocument } = await iam.send(new GetGroupPolicyCommand({ GroupName: 'EditorGroup', PolicyName: 'EditorInline' }));
  expect(JSON.parse(decodeURIComponent(PolicyDocument ?? ''))).toMatchObject({ Statement: [{ Action: 'iam:ListGroups' }] });

  // Its name opens it in the editor; Save changes replaces the document.
  await page.getByRole('button', { name: 'EditorInline', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit inline policy EditorInline' });
  await expect(edit.locator('.monaco-editor')).toBeVisible();
  await replaceText(page, editorInput(page, 'Inline policy document'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetGroup', Resource: '*' }] }, null, 2));
  await expect(edit.getByRole('tab', { name: /^Errors: 0$/ })).toBeVisible();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  const after = await iam.send(new GetGroupPolicyCommand({ GroupName: 'EditorGroup', PolicyName: 'EditorInline' }));
  expect(JSON.parse(decodeURIComponent(after.PolicyDocument ?? ''))).toMatchObject({ Statement: [{ Action: 'iam:GetGroup' }] });
});

test('start from a bundled IAM User Guide policy, then export it as <name>.json', async ({ page }) => {
  await openSignedIn(page, 'admin', '/policies/create');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page.getByRole('button', { name: /Start from/ }).click();
  await expect(page.getByRole('option', { name: /^SST/ })).toContainText('SST documentation');
  await screenshot(page, 'policy-editor-start-from-list');
  await page.getByPlaceholder('Find a policy').fill('Change own console password');
  await page.getByRole('option', { name: /Change own console password/ }).click();
  // The starter text is there, so replacing it asks first.
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByTestId('start-from-source')).toContainText('Source: IAM User Guide, "AWS: Allows IAM users to change their own console password');
  await expect(token(page, '"ChangeOwnPassword"')).toBeVisible();
  await screenshot(page, 'policy-editor-start-from');

  await page.getByLabel('Policy name').fill('ChangeOwnPassword');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  expect((await download).suggestedFilename()).toBe('ChangeOwnPassword.json');
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { Statement: { Sid: string; Action: unknown }[] };
  expect(exported.Statement.map((s) => s.Sid)).toEqual(['ViewAccountPasswordRequirements', 'ChangeOwnPassword']);
  expect(exported.Statement[1]!.Action).toEqual(['iam:GetUser', 'iam:ChangePassword']);

  // An AWS managed policy: its default version, read through the BFF.
  await page.getByRole('button', { name: /Start from/ }).click();
  await page.getByPlaceholder('Find a policy').fill('IAMReadOnlyAccess');
  await page.getByRole('option', { name: /^IAMReadOnlyAccess/ }).click();
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByTestId('start-from-source')).toContainText('Source: AWS managed policy arn:aws:iam::aws:policy/IAMReadOnlyAccess, version v');
  await expect(token(page, '"iam:GenerateCredentialReport"')).toBeVisible();
});

test('a permissions boundary is previewed in the read-only editor before it is set', async ({ page }) => {
  const iam = rootIamClient();
  await iam.send(new CreateUserCommand({ UserName: 'BoundedUser' }));
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'OnlyReadIam', Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] }, null, 2);
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'PreviewedBoundary', PolicyDocument: document }));
  await openSignedIn(page, 'admin', '/users/BoundedUser');
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await page.getByRole('button', { name: 'Set boundary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set permissions boundary for BoundedUser' });
  await dialog.getByRole('button', { name: /Choose a policy/ }).click();
  await page.keyboard.type('PreviewedBoundary');
  await page.getByRole('option', { name: /PreviewedBoundary/ }).click();
  await expect(dialog.getByText('PreviewedBoundary, version v1 (default)')).toBeVisible();
  await expect(dialog.locator('.monaco-editor')).toBeVisible();
  await expect(token(page, '"OnlyReadIam"')).toBeVisible();
  await screenshot(page, 'policy-editor-boundary-preview');
  await dialog.getByRole('button', { name: 'Set boundary' }).click();
  await expect(dialog).toBeHidden();
  const { User } = await iam.send(new GetUserCommand({ UserName: 'BoundedUser' }));
  expect(User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(Policy?.Arn);
});
