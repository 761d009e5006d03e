// The policy editor (Monaco + the policy engine in a worker) wherever a policy is written: live findings as
// markers and in the panel before any save, completion from the action catalog, quick fixes, saving a managed
// policy and a new default version, the diff of two versions, a role's trust policy, inline policies, and the
// simulator beside the editor.
import type { Locator, Page } from '@playwright/test';
import { expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';

const BROKEN_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadUsers",
      "Effect": "allow",
      "Action": "iam:GetUsr",
      "Resource": "*"
    }
  ]
}`;

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

/** True when an error squiggle is drawn over the token (same line, overlapping columns). */
async function squiggleOver(page: Page, text: string): Promise<boolean> {
  const box = await token(page, text).first().boundingBox();
  if (!box) return false;
  const squiggles = await page.locator('.squiggly-error').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  return squiggles.some((s) => Math.abs(s.y - box.y) < box.height / 2 && s.x < box.x + box.width && s.x + s.width > box.x);
}

function findingsTab(page: Page, label: RegExp): Locator {
  return page.getByRole('tab', { name: label });
}

test('create a policy: findings while typing, Ctrl+Space actions, fix, save', async ({ page }) => {
  await openSignedIn(page, 'admin', '/policies/create');
  await expect(pageHeading(page, 'Create policy')).toBeVisible();
  const input = editorInput(page);
  await expect(page.locator('.monaco-editor')).toBeVisible();

  await replaceText(page, input, BROKEN_POLICY);
  // Before any save: the panel lists both errors at their ranges, and the editor marks them.
  await expect(findingsTab(page, /^Errors: 2$/)).toBeVisible();
  const effectLine = BROKEN_POLICY.split('\n').findIndex((line) => line.includes('"allow"'));
  const effectColumn = BROKEN_POLICY.split('\n')[effectLine]!.indexOf('"allow"');
  const effectFinding = page.getByRole('button', { name: new RegExp(`^Ln ${effectLine + 1}, Col ${effectColumn + 1}: The Effect "allow" is not valid`) });
  await expect(effectFinding).toBeVisible();
  const actionLine = BROKEN_POLICY.split('\n').findIndex((line) => line.includes('iam:GetUsr'));
  const actionColumn = BROKEN_POLICY.split('\n')[actionLine]!.indexOf('"iam:GetUsr"');
  const actionFinding = page.getByRole('button', { name: new RegExp(`^Ln ${actionLine + 1}, Col ${actionColumn + 1}: The action iam:GetUsr does not exist`) });
  await expect(actionFinding).toBeVisible();
  await expect.poll(() => squiggleOver(page, '"allow"')).toBe(true);
  await expect.poll(() => squiggleOver(page, '"iam:GetUsr"')).toBe(true);
  await expect(page.getByTestId('policy-size')).toContainText(`${JSON.stringify(JSON.parse(BROKEN_POLICY)).length} of 6,144 characters`);
  await screenshot(page, 'policy-editor-findings');

  // The finding selects its range; typing replaces it. Ctrl+Space inside the Action string offers IAM's actions.
  await actionFinding.click();
  await page.keyboard.press('Delete');
  await page.keyboard.type('"iam:GetU');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget');
  const getUser = suggestions.locator('.monaco-list-row').filter({ hasText: /^iam:GetUser(Read)?$/ });
  await expect(getUser).toBeVisible();
  await screenshot(page, 'policy-editor-completion');
  await getUser.click();
  await expect(findingsTab(page, /^Errors: 1$/)).toBeVisible();

  await effectFinding.click();
  await page.keyboard.press('Delete');
  await page.keyboard.type('"Allow');
  await expect(findingsTab(page, /^Errors: 0$/)).toBeVisible();
  await expect(page.locator('.squiggly-error')).toHaveCount(0);

  await page.getByLabel('Policy name').fill('EditorReadUsers');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(pageHeading(page, 'EditorReadUsers')).toBeVisible();
  await expect(page.getByLabel('Policy document')).toContainText('"iam:GetUser"');
});
