// A self-service user (under the Force_MFA policy) may not list users, roles or policies: each admin page
// must say which permission is missing, with AWS's code and request id, inside the working console shell.
import { errorAlert, expect, pageHeading, screenshot, signInAsDemo, test, type DemoId } from './support/fixtures.ts';

const ADMIN_PAGES = [
  { link: 'Users', heading: /^Users/, action: 'iam:ListUsers' },
  { link: 'Roles', heading: /^Roles/, action: 'iam:ListRoles' },
  { link: 'Policies', heading: /^Policies/, action: 'iam:ListPolicies' },
] as const;

for (const who of ['bob', 'alice'] satisfies DemoId[]) {
  test(`${who} (self-service) is told which permission each admin page needs`, async ({ page }) => {
    await signInAsDemo(page, who);
    await expect(pageHeading(page, 'IAM Dashboard')).toBeVisible();
    await expect(page.getByText(/^(Loading|Checking)/)).toHaveCount(0);
    // Refused facts read "Unknown — you lack …", never as zero counts or as an account without an alias.
    await expect(page.getByText('Unknown — you lack iam:GetAccountSummary')).toBeVisible();
    await expect(page.getByText('Unknown — you lack iam:ListAccountAliases')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create', exact: true })).toHaveCount(0);
    await screenshot(page, `self-service-${who}-dashboard`);

    for (const { link, heading, action } of ADMIN_PAGES) {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await expect(pageHeading(page, heading)).toBeVisible();
      const alert = errorAlert(page, 'You do not have permission for this');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(new RegExp(`You lack ${action} on arn:aws:iam::\\d{12}:`));
      await expect(alert.getByTestId('error-reference')).toContainText(/Error code: AccessDenied · Request ID: \S+/);
      await expect(page.getByText(/Something went wrong|Unexpected Application Error/)).toHaveCount(0);
      await screenshot(page, `self-service-${who}-${link.toLowerCase()}-refused`);
    }

    await page.getByRole('navigation').getByRole('link', { name: 'Account settings', exact: true }).click();
    await expect(pageHeading(page, 'Account settings')).toBeVisible();
    await expect(page.getByText('Unknown — you lack iam:ListAccountAliases')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create', exact: true })).toHaveCount(0);
    await screenshot(page, `self-service-${who}-account-settings`);
  });
}
