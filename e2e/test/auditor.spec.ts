// The auditor's visit: generate the credential report and watch it go STARTED → INPROGRESS → COMPLETE, read the
// findings, filter to users without MFA, download the report (byte for byte what GetCredentialReport returns to
// the SDK), open the audit log, filter and download it, and download the audit bundle whose manifest's hashes
// must match its files. Bob, who may not read the credential report, is told which permission he lacks. The auditor
// is offered no Create or Delete that IAM would refuse; the admin is.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetCredentialReportCommand } from '@aws-sdk/client-iam';
import type { Download, Page } from '@playwright/test';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { rootIamClient } from './support/aws.ts';
import { errorAlert, expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';
import { reportsStack as stack } from './support/stack.ts';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), bytes: readFileSync(path) };
}

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (err, zip?: ZipFile) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) =>
        zip.openReadStream(entry, (openErr, stream) => {
          if (openErr || !stream) return reject(openErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function sdkReport(): Promise<{ bytes: Buffer; generated: Date }> {
  const client = rootIamClient(stack);
  try {
    const out = await client.send(new GetCredentialReportCommand({}));
    return { bytes: Buffer.from(out.Content ?? new Uint8Array()), generated: out.GeneratedTime ?? new Date(0) };
  } finally {
    client.destroy();
  }
}

/** The lines (root included) of IAM's report that say mfa_active false, by user. */
function usersWithoutMfa(csv: string): string[] {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => line.split(',')).filter((cells) => cells[columns.indexOf('mfa_active')] === 'false').map((cells) => cells[0]!);
}

test.describe.configure({ mode: 'serial' });
// A stack of its own: on the main one, other specs' dashboard visits have already generated the report.
test.use({ baseURL: async ({}, use) => use(stack.baseUrl) });

test('the auditor generates the credential report, reads the findings, filters and downloads it', async ({ page }) => {
  await openSignedIn(page, 'auditor', '/credential-report');
  await expect(pageHeading(page, 'Credential report')).toBeVisible();
  await expect(page.getByText('No report to show yet')).toBeVisible();
  await screenshot(page, 'credential-report-1-none');

  await test.step('generate and watch the progress', async () => {
    await page.getByRole('button', { name: 'Generate report' }).click();
    const state = page.getByTestId('generation-state');
    await expect(state).toHaveAttribute('data-state', /^(STARTED|INPROGRESS)$/);
    await expect(state).toHaveAttribute('data-state', 'INPROGRESS');
    await expect(page.getByText('No report exists. Starting a new report generation task')).toBeVisible();
    await screenshot(page, 'credential-report-2-in-progress');
    await expect(page.getByTestId('generation-complete')).toBeVisible();
    await expect(state).toHaveCount(0);
  });

  const report = await sdkReport();
  const withoutMfa = usersWithoutMfa(report.bytes.toString('utf8'));
  expect(withoutMfa).toContain('bob');

  await test.step('the findings name bob, console user without MFA, and link to him', async () => {
    const findings = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Detail' }) });
    await expect(page.getByRole('heading', { name: /^Findings \(\d+\)/ })).toBeVisible();
    const bobFinding = findings.getByRole('row').filter({ hasText: 'Has a console password and no MFA device.' }).filter({ has: page.getByRole('link', { name: 'bob', exact: true }) });
    await expect(bobFinding).toHaveCount(1);
    await expect(bobFinding.getByRole('link', { name: 'bob', exact: true })).toHaveAttribute('href', '/users/bob');
    await expect(page.getByText('MFA coverage (console users)')).toBeVisible();
    // The card counts console users, the pie every user: each says so.
    await expect(page.getByText(/^\d+ of \d+ users with a console password$/)).toBeVisible();
    await expect(page.getByText('of all users')).toBeVisible();
    await screenshot(page, 'credential-report-3-complete');
  });

  await test.step('filter to users without MFA', async () => {
    const filter = page.getByPlaceholder('Filter the report, e.g. mfa_active = false');
    await filter.fill('mfa_active = false');
    await filter.press('Enter');
    await expect(page.getByText(`${withoutMfa.length} matches`).first()).toBeVisible();
    const reportTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'MFA active' }) });
    for (const user of withoutMfa.filter((u) => u !== '<root_account>')) await expect(reportTable.getByRole('link', { name: user, exact: true })).toBeVisible();
    if (withoutMfa.includes('<root_account>')) await expect(reportTable.getByRole('rowheader', { name: '<root_account>' })).toBeVisible();
    await screenshot(page, 'credential-report-4-filtered');
    const filtered = await downloaded(page, () => page.getByRole('button', { name: 'Download filtered (CSV)' }).click());
    expect(filtered.name).toMatch(/^status_reports_\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d_filtered\.csv$/);
    const lines = filtered.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(report.bytes.toString('utf8').split('\n')[0]);
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual([...withoutMfa].sort());
  });

  await test.step('download the report: byte for byte what the SDK gets', async () => {
    const file = await downloaded(page, () => page.getByRole('link', { name: 'Download report' }).click());
    const stamp = report.generated.toISOString().slice(0, 19).replaceAll(':', '_');
    expect(file.name).toBe(`status_reports_${stamp}.csv`);
    expect(file.bytes.equals(report.bytes)).toBe(true);
  });

  await test.step('download the audit bundle: the manifest’s hashes match its files', async () => {
    const bundle = await downloaded(page, () => page.getByRole('link', { name: 'Download audit bundle' }).click());
    expect(bundle.name).toMatch(/^audit-bundle_.*\.zip$/);
    const files = await unzip(bundle.bytes);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { account: string; generatedBy: string; files: { name: string; bytes: number; sha256: string }[] };
    expect(manifest.account).toBe(stack.accountId);
    expect(manifest.generatedBy).toBe(`arn:aws:iam::${stack.accountId}:user/auditor`);
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['audit-log.csv', 'authorization-details.json', 'findings.json', `status_reports_${report.generated.toISOString().slice(0, 19).replaceAll(':', '_')}.csv`].sort());
    for (const entry of manifest.files) expect(sha256(files.get(entry.name)!), entry.name).toBe(entry.sha256);
    expect(files.get(manifest.files.find((f) => f.name.startsWith('status_reports_'))!.name)!.equals(report.bytes)).toBe(true);
  });

  await test.step('download the authorization details', async () => {
    const details = await downloaded(page, () => page.getByRole('link', { name: 'Download authorization details' }).click());
    const parsed = JSON.parse(details.bytes.toString('utf8')) as { UserDetailList: { UserName: string }[] };
    expect(parsed.UserDetailList.map((u) => u.UserName)).toContain('auditor');
  });
});

test('the auditor filters the audit log and downloads it as CSV and JSON', async ({ page }) => {
  await openSignedIn(page, 'auditor', '/');
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(pageHeading(page, 'Audit log')).toBeVisible();
  const entries = page.getByRole('table');
  await expect(entries.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'audit-log-1-all');

  await page.getByPlaceholder('e.g. CreateUser, SignIn').fill('GenerateCredentialReport');
  await page.getByPlaceholder("Part of the caller's ARN").fill('user/auditor');
  await expect(entries.getByRole('row').filter({ hasText: 'SignIn' })).toHaveCount(0);
  const rows = entries.getByRole('row').filter({ hasText: 'GenerateCredentialReport' });
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  await screenshot(page, 'audit-log-2-filtered');

  const csv = await downloaded(page, () => page.getByRole('link', { name: 'Download CSV' }).click());
  expect(csv.name).toMatch(/^audit-log_.*\.csv$/);
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  expect(lines[0]).toBe('id,time,callerArn,operation,target,result,errorCode,awsRequestId,httpStatus,count');
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1)) expect(line).toContain(`arn:aws:iam::${stack.accountId}:user/auditor,GenerateCredentialReport,`);

  const json = await downloaded(page, () => page.getByRole('link', { name: 'Download JSON' }).click());
  const items = JSON.parse(json.bytes.toString('utf8')) as { operation: string; id: number }[];
  expect(items).toHaveLength(shown);
  expect(items.every((e) => e.operation === 'GenerateCredentialReport')).toBe(true);
  expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));

  await page.getByRole('button', { name: /Any outcome/ }).click();
  await page.getByRole('option', { name: 'Failure' }).click();
  await expect(page.getByText('No entries match the filters.')).toBeVisible();
});

test('bob, who may not read the credential report, is told which permission he lacks', async ({ page }) => {
  await openSignedIn(page, 'bob', '/credential-report');
  await expect(errorAlert(page, 'You lack iam:GetCredentialReport on *')).toBeVisible();
  await page.getByRole('button', { name: 'Generate report' }).click();
  await expect(errorAlert(page, 'You lack iam:GenerateCredentialReport on *')).toBeVisible();
  await screenshot(page, 'credential-report-bob-refused');
  await page.goto('/audit-log');
  await expect(errorAlert(page, 'You lack iam:GetCredentialReport on *')).toBeVisible();
  await screenshot(page, 'audit-log-bob-refused');
});

// What IAM would refuse the auditor (SecurityAudit: read only) is not offered; the admin gets every control.
const listPages = [
  { path: '/users', heading: 'Users', create: 'Create user' },
  { path: '/roles', heading: 'Roles', create: 'Create role' },
  { path: '/policies', heading: 'Policies', create: 'Create policy' },
];

test('the auditor sees no Create or Delete on Users, Roles, Policies and a user’s page', async ({ page }) => {
  await openSignedIn(page, 'auditor', '/users');
  for (const list of listPages) {
    await test.step(`auditor: ${list.heading}`, async () => {
      await page.goto(list.path);
      await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
      await expect(page.getByRole('link', { name: list.create })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
      if (list.path === '/users') await screenshot(page, 'auditor-users-no-changes');
    });
  }
  await test.step('auditor: bob’s page', async () => {
    await page.goto('/users/bob');
    await expect(pageHeading(page, 'bob')).toBeVisible();
    await expect(page.getByText('Permissions policies')).toBeVisible();
    await expect(page.getByTestId('delete-user')).toHaveCount(0);
    for (const name of ['Add permissions', 'Create inline policy', 'Set boundary', 'Manage tags']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  });
  await test.step('auditor: the credential report is still theirs to generate', async () => {
    await page.goto('/credential-report');
    await expect(page.getByRole('button', { name: 'Generate report' })).toBeVisible();
  });
});

test('the admin sees Create and Delete on the same pages', async ({ page }) => {
  await openSignedIn(page, 'admin', '/users');
  for (const list of listPages) {
    await test.step(`admin: ${list.heading}`, async () => {
      await page.goto(list.path);
      await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
      await expect(page.getByRole('link', { name: list.create })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    });
  }
  await test.step('admin: bob’s page', async () => {
    await page.goto('/users/bob');
    await expect(page.getByTestId('delete-user')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add permissions' })).toBeVisible();
  });
});
