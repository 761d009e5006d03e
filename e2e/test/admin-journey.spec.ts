// The admin's round trip: create a user with a group, a managed policy and an access key through the wizard,
// find it, inspect it, delete it, and check with the SDK that the endpoint agrees at every step that matters.
import { readFileSync } from 'node:fs';
import { GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { iamClientFor, rootIamClient } from './support/aws.ts';
import type { Page } from '@playwright/test';
import { expect, pageHeading, screenshot, signInAsDemo, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';

const GROUP = 'Testers';
const POLICY = 'IAMReadOnlyAccess';

/** Free-text filter token, as a person types it and presses Enter. */
async function filterUsers(page: Page, text: string) {
  const filter = page.getByPlaceholder('Find users');
  await filter.fill(text);
  await filter.press('Enter');
}

test('admin creates a user with a group, a policy and an access key, finds it, and deletes it', async ({ page }) => {
  const userName = uniqueName('e2e-journey');
  await signInAsDemo(page, 'admin');
  await expect(pageHeading(page, 'IAM Dashboard')).toBeVisible();
  await expect(page.getByText('Security recommendations')).toBeVisible();
  await expect(page.getByText(/^(Loading|Checking)/)).toHaveCount(0);
  await screenshot(page, 'dashboard');

  await test.step('create the user through the wizard', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
    await expect(pageHeading(page, /^Users/)).toBeVisible();
    await page.getByRole('link', { name: 'Create user' }).first().click();
    await expect(page).toHaveURL(/\/users\/create$/);

    await page.getByLabel('User name').fill(userName);
    await screenshot(page, 'wizard-1-user-details');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.getByRole('heading', { name: 'Set permissions' })).toBeVisible();
    await page.getByRole('button', { name: 'User groups' }).click();
    await page.getByRole('option', { name: GROUP }).filter({ visible: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Permissions policies' }).click();
    await page.keyboard.type(POLICY);
    await page.getByRole('option', { name: new RegExp(`^${POLICY}\\b`) }).filter({ visible: true }).first().click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'wizard-2-permissions');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.getByRole('heading', { name: 'Tags and access key' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Create an access key' }).check();
    await screenshot(page, 'wizard-3-tags-and-key');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.getByRole('heading', { name: 'Review and create' })).toBeVisible();
    await expect(page.getByText(userName, { exact: true })).toBeVisible();
    await expect(page.getByText(GROUP, { exact: true })).toBeVisible();
    await expect(page.getByText(POLICY, { exact: true })).toBeVisible();
    await expect(page.getByText('Created with the user')).toBeVisible();
    await screenshot(page, 'wizard-4-review');
    await page.getByRole('button', { name: 'Create user' }).click();
  });

  const key = await test.step('the secret is shown once and the .csv download carries it', async () => {
    await expect(pageHeading(page, 'Retrieve access key')).toBeVisible();
    await expect(page.getByText(`User ${userName} created`).first()).toBeVisible();
    await expect(page.getByText('This is the only time the secret access key can be viewed or downloaded')).toBeVisible();
    const accessKeyId = (await page.getByText(/^AKIA[A-Z0-9]{16}$/).first().textContent()) ?? '';
    const secretAccessKey = (await page.getByText(/^[A-Za-z0-9/+]{40}$/).first().textContent()) ?? '';
    expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(secretAccessKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
    await screenshot(page, 'wizard-5-key-shown-once');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .csv file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${userName}_accessKeys.csv`);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(csv).toEqual(['Access key ID,Secret access key', `${accessKeyId},${secretAccessKey}`]);
    return { accessKeyId, secretAccessKey };
  });

  await test.step('the shown key is the user\'s real key', async () => {
    const me = await iamClientFor(key).send(new GetUserCommand({}));
    expect(me.User?.UserName).toBe(userName);
  });

  await test.step('find the user in the list with the filter', async () => {
    await page.getByRole('link', { name: 'Return to users list' }).click();
    await expect(pageHeading(page, /^Users/)).toBeVisible();
    await filterUsers(page, userName);
    await expect(page.getByText('1 match', { exact: true }).filter({ visible: true })).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole('link', { name: userName })).toBeVisible();
    await screenshot(page, 'users-list-filtered');
    await rows.nth(1).getByRole('link', { name: userName }).click();
  });

  await test.step('the detail page shows the group, the policy and the key', async () => {
    await expect(pageHeading(page, userName)).toBeVisible();
    await expect(page.getByText(`${key.accessKeyId} - Active`)).toBeVisible();
    const permissions = page.getByRole('tabpanel');
    await expect(permissions.getByRole('link', { name: POLICY, exact: true }).first()).toBeVisible();
    await screenshot(page, 'user-detail-permissions');
    await page.getByRole('tab', { name: 'Groups (1)' }).click();
    await expect(page.getByRole('tabpanel').getByRole('link', { name: GROUP, exact: true })).toBeVisible();
    await screenshot(page, 'user-detail-groups');
    await page.getByRole('tab', { name: 'Security credentials' }).click();
    await expect(page.getByRole('tabpanel').getByText(key.accessKeyId).first()).toBeVisible();
    await screenshot(page, 'user-detail-security-credentials');
  });

  await test.step('delete it after a confirmation that names the user', async () => {
    await page.getByTestId('delete-user').click();
    const dialog = page.getByRole('dialog', { name: `Delete ${userName}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`Deleting ${userName} also removes:`)).toBeVisible();
    await expect(dialog.getByText('1 access key')).toBeVisible();
    await expect(dialog.getByText('1 attached managed policy')).toBeVisible();
    await expect(dialog.getByText(`1 group membership (${GROUP})`)).toBeVisible();
    await expect(dialog.getByText(`To confirm deletion, enter ${userName} in the text input field.`)).toBeVisible();
    const confirm = dialog.getByTestId('confirm-delete');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Confirm by typing the name').fill(userName.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Confirm by typing the name').fill(userName);
    await screenshot(page, 'user-delete-confirmation');
    await confirm.click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByText(`User ${userName} deleted.`)).toBeVisible();
    // The notification of its creation went with it.
    await expect(page.getByText(`User ${userName} created.`)).toHaveCount(0);
  });

  await test.step('the user is gone, in the list and at the endpoint', async () => {
    await filterUsers(page, userName);
    await expect(page.getByText('No matches').filter({ visible: true })).toBeVisible();
    await screenshot(page, 'users-list-after-delete');
    const iam = rootIamClient();
    await expect(iam.send(new GetUserCommand({ UserName: userName }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    const listed = await iam.send(new ListUsersCommand({}));
    expect(listed.Users?.map((user) => user.UserName)).not.toContain(userName);
    await expect(iamClientFor(key).send(new GetUserCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });
});
