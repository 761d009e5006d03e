// Names IAM refuses: the wizard explains IAM's name rule before anything is sent, the BFF refuses the same
// names itself, and a duplicate name comes back with AWS's reason and error code, changing nothing.
import { GetUserCommand, ListGroupsForUserCommand } from '@aws-sdk/client-iam';
import { rootIamClient } from './support/aws.ts';
import { expectApiError, signInWithApi } from './support/bff-api.ts';
import { errorAlert, expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';

test('the wizard refuses a name with a space and a name over 64 characters, with IAM\'s rule', async ({ page }) => {
  await openSignedIn(page, 'admin', '/users/create');
  await expect(page.getByRole('heading', { name: 'Specify user details' })).toBeVisible();
  const name = page.getByLabel('User name');
  const next = page.getByRole('button', { name: 'Next' });

  await name.fill('bad name');
  await next.click();
  await expect(page.getByText('The user name can contain only A-Z, a-z, 0-9 and + = , . @ - _.').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Specify user details' })).toBeVisible();
  await screenshot(page, 'wizard-invalid-name');

  await name.fill('a'.repeat(65));
  await next.click();
  await expect(page.getByText('The user name can have up to 64 characters.').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Specify user details' })).toBeVisible();

  await name.fill('a'.repeat(64));
  await next.click();
  await expect(page.getByRole('heading', { name: 'Set permissions' })).toBeVisible();
});

test('the BFF refuses invalid names itself with a validation error naming the field', async ({ request }) => {
  const token = await signInWithApi(request, 'admin');
  for (const userName of ['bad name', 'a'.repeat(65), '']) {
    const error = await expectApiError(await request.post('/api/users', { data: { userName }, headers: { 'x-csrf-token': token } }), 400, 'ValidationError');
    expect(error.details?.map((detail) => detail.path)).toContain('userName');
  }
  await expect(rootIamClient().send(new GetUserCommand({ UserName: 'bad name' }))).rejects.toMatchObject({ name: expect.stringMatching(/ValidationError|NoSuchEntity/) });
});

test('a duplicate name shows AWS\'s EntityAlreadyExists reason and leaves the existing user as it was', async ({ page }) => {
  const iam = rootIamClient();
  const groupsBefore = (await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups?.map((g) => g.GroupName);
  expect(groupsBefore).toEqual(['EC2MFA']);

  await openSignedIn(page, 'admin', '/users/create');
  await page.getByLabel('User name').fill('alice');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'User groups' }).click();
  await page.getByRole('option', { name: 'Testers' }).filter({ visible: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Review and create' })).toBeVisible();
  await page.getByRole('button', { name: 'Create user' }).click();

  const alert = errorAlert(page, 'Could not create alice');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('User with name alice already exists.');
  await expect(alert.getByTestId('error-reference')).toContainText(/Error code: EntityAlreadyExists · Request ID: \S+/);
  await expect(page.getByRole('heading', { name: 'Review and create' })).toBeVisible();
  await screenshot(page, 'wizard-duplicate-name');

  const groupsAfter = (await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups?.map((g) => g.GroupName);
  expect(groupsAfter).toEqual(['EC2MFA']);
  await page.goto('/users/alice');
  await expect(pageHeading(page, 'alice')).toBeVisible();
});
