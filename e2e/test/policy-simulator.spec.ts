// The policy simulator: the demo admin picks the auditor (SecurityAudit), simulates iam:ListUsers and
// iam:CreateUser, sees one allowed and one implicitly denied with why, and downloads the table as CSV. A wildcard
// action is refused before anything is asked of IAM. Bob, refused the users list, names himself by ARN and is told
// he lacks iam:SimulatePrincipalPolicy.
import { readFileSync } from 'node:fs';
import { errorAlert, expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';
import { stack } from './support/stack.ts';

test('the admin simulates the auditor: ListUsers allowed, CreateUser implicitly denied, with why and a CSV', async ({ page }) => {
  await openSignedIn(page, 'admin', '/');
  await page.getByRole('navigation').getByRole('link', { name: 'Policy simulator', exact: true }).click();
  await expect(pageHeading(page, 'Policy simulator')).toBeVisible();

  await page.getByRole('button', { name: /User or role/ }).click();
  await page.getByRole('option', { name: /^auditor\b/ }).click();
  const actions = page.getByRole('textbox', { name: 'Actions' });
  await actions.fill('iam:*');
  await expect(page.getByText('iam:*: the simulator takes one action each, without wildcards')).toBeVisible();
  await actions.fill('iam:ListUsers\niam:CreateUser');
  await expect(page.getByText('2 actions')).toBeVisible();
  await page.getByRole('button', { name: 'Run simulation' }).click();

  const table = page.getByRole('table');
  const listUsers = table.getByRole('row').filter({ hasText: 'iam:ListUsers' });
  const createUser = table.getByRole('row').filter({ hasText: 'iam:CreateUser' });
  await expect(listUsers).toContainText('Allowed');
  await expect(listUsers).toContainText('Allowed by SecurityAudit');
  await expect(createUser).toContainText('Denied (implicit deny)');
  await expect(createUser).toContainText('Implicitly denied: no statement in the principal’s policies allows it.');
  await screenshot(page, 'policy-simulator-1-results');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^policy-simulation_auditor_\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('Action,Resource,Decision,Matched statements,Missing context values,Permissions boundary,Why');
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('iam:ListUsers,*,Allowed,'))).toMatch(/SecurityAudit \(aws-managed/);
  expect(lines).toContain('iam:CreateUser,*,Denied (implicit deny),,,,Implicitly denied: no statement in the principal’s policies allows it.');
});

test('bob, refused the users list and iam:SimulatePrincipalPolicy, names himself by ARN and is told what he lacks', async ({ page }) => {
  await openSignedIn(page, 'bob', '/policy-simulator');
  await expect(pageHeading(page, 'Policy simulator')).toBeVisible();
  await expect(errorAlert(page, 'You lack iam:ListUsers')).toBeVisible();
  const bobArn = `arn:aws:iam::${stack.accountId}:user/bob`;
  await page.getByRole('textbox', { name: 'User or role ARN' }).fill(bobArn);
  await page.getByRole('textbox', { name: 'Actions' }).fill('iam:ListUsers');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const refused = errorAlert(page, `You lack iam:SimulatePrincipalPolicy on ${bobArn}`);
  await expect(refused).toBeVisible();
  await expect(refused).toContainText("You may not simulate this principal's policies");
  await expect(page.getByText('The simulator runs as you: it needs iam:SimulatePrincipalPolicy on the user or role.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await screenshot(page, 'policy-simulator-2-bob-refused');
});
