// Every admin page shows the seeded account as it is (groups, roles, policies, account settings) and the
// error state of a page whose resource does not exist; each page is screenshotted for a person to look at.
import { errorAlert, expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';

test.beforeEach(async ({ page }) => {
  await openSignedIn(page, 'admin');
});

function navLink(page: import('@playwright/test').Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

test('user groups: list with member counts, then a group\'s members and policies', async ({ page }) => {
  await navLink(page, 'User groups').click();
  await expect(pageHeading(page, /^User groups/)).toBeVisible();
  const developers = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Developers', exact: true }) });
  await expect(developers).toContainText('2');
  await screenshot(page, 'groups-list');

  await developers.getByRole('link', { name: 'Developers', exact: true }).click();
  await expect(pageHeading(page, 'Developers')).toBeVisible();
  await expect(page.getByRole('link', { name: 'dana', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'frank', exact: true })).toBeVisible();
  await screenshot(page, 'group-detail');
});

test('roles: list, then a role with its trust policy, session duration and switch-role link', async ({ page }) => {
  await navLink(page, 'Roles').click();
  await expect(pageHeading(page, /^Roles/)).toBeVisible();
  for (const role of ['UpdateApp', 'ExampleCorpAuditor', 'BreakGlassAdmin', 'DeveloperReadOnly', 'AuditedAdminTasks']) {
    await expect(page.getByRole('link', { name: role, exact: true })).toBeVisible();
  }
  await screenshot(page, 'roles-list');

  await page.getByRole('link', { name: 'DeveloperReadOnly', exact: true }).click();
  await expect(pageHeading(page, 'DeveloperReadOnly')).toBeVisible();
  await expect(page.getByText('Maximum session duration')).toBeVisible();
  await expect(page.getByText('4 hours')).toBeVisible();
  await expect(page.getByText(/https:\/\/signin\.aws\.amazon\.com\/switchrole\?account=acme-demo&roleName=DeveloperReadOnly/)).toBeVisible();
  await screenshot(page, 'role-detail-permissions');
  await page.getByRole('tab', { name: 'Trust relationships' }).click();
  const trust = page.getByLabel('Trust policy');
  await expect(trust).toContainText('"sts:AssumeRole"');
  await expect(trust).toContainText('aws:username');
  await screenshot(page, 'role-detail-trust');
});

test('policies: list filtered by type, then a policy with its JSON and attachments', async ({ page }) => {
  await navLink(page, 'Policies').click();
  await expect(pageHeading(page, /^Policies/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'AdministratorAccess', exact: true })).toBeVisible();
  await screenshot(page, 'policies-list');

  await page.getByRole('button', { name: 'Customer managed', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Force_MFA', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'AdministratorAccess', exact: true })).toHaveCount(0);
  await screenshot(page, 'policies-list-customer-managed');
  await page.getByRole('button', { name: 'AWS managed', exact: true }).click();
  await expect(page.getByRole('link', { name: 'AdministratorAccess', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Force_MFA', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Customer managed', exact: true }).click();

  await page.getByRole('link', { name: 'Force_MFA', exact: true }).click();
  await expect(pageHeading(page, 'Force_MFA')).toBeVisible();
  await expect(page.getByText('Customer managed', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Policy document')).toContainText('aws:MultiFactorAuthPresent');
  await screenshot(page, 'policy-detail');
  await page.getByRole('tab', { name: /^Entities attached/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'EC2MFA', exact: true })).toBeVisible();
  await screenshot(page, 'policy-detail-entities');
});

test('account settings: the seeded password policy and alias', async ({ page }) => {
  await navLink(page, 'Account settings').click();
  await expect(pageHeading(page, 'Account settings')).toBeVisible();
  const alias = page.getByRole('definition').filter({ hasText: /^acme-demo$/ });
  await expect(alias).toBeVisible();
  await expect(page.getByText('Custom', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /12 characters/ })).toBeVisible();
  await screenshot(page, 'account-settings');
});

test('a user, role and policy that do not exist show IAM\'s NoSuchEntity, not a broken page', async ({ page }) => {
  await page.goto('/users/nobody-e2e');
  const userAlert = errorAlert(page, 'Could not load user nobody-e2e');
  await expect(userAlert).toBeVisible();
  await expect(userAlert.getByTestId('error-reference')).toContainText('Error code: NoSuchEntity');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await screenshot(page, 'error-user-not-found');

  await page.goto(`/policies/${encodeURIComponent('arn:aws:iam::123456789012:policy/NoSuchPolicy')}`);
  const policyAlert = errorAlert(page, 'Could not load policy NoSuchPolicy');
  await expect(policyAlert.getByTestId('error-reference')).toContainText('Error code: NoSuchEntity');
  await screenshot(page, 'error-policy-not-found');

  await page.goto('/no-such-page');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Users', exact: true })).toBeVisible();
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await screenshot(page, 'error-page-not-found');
});
