// The auditor's evidence against the embedded endpoint (demo seed, report generation taking 1.5 s): the credential
// report (generate with its states, the CSV byte for byte, its download), the authorization details, the audit
// log filtered, paged and downloaded, and the audit bundle with its manifest. Bob, who may not read the credential
// report, is refused each with the permission he lacks named.
import { createHash } from 'node:crypto';
import { GetCredentialReportCommand, ListPoliciesCommand, ListRolesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { CREDENTIAL_REPORT_COLUMNS } from '@iam-console/api-contract/credential-report.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { readProfile, startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

const GENERATION_MS = 1500;
let endpoint: Endpoint;
let h: Harness;
let auditor: Awaited<ReturnType<typeof browser>>;
let bob: Awaited<ReturnType<typeof browser>>;

/** Collects a download's bytes (supertest parses only text by default). */
const binary = (res: Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (err, zip?: ZipFile) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (openErr, stream) => {
          if (openErr || !stream) return reject(openErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  endpoint = await startEndpoint('demo', { credentialReportGenerationMs: GENERATION_MS });
  h = createHarness(endpoint.makeClients);
  auditor = await browser(h.app);
  expect((await auditor.signIn(readProfile(endpoint.credentialsFile, 'auditor'))).status).toBe(200);
  bob = await browser(h.app);
  expect((await bob.signIn(readProfile(endpoint.credentialsFile, 'bob'))).status).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('credential report', () => {
  it('is not there before the first generation', async () => {
    const res = await auditor.get('/api/credential-report');
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('ReportNotPresent');
  });

  it('generates: STARTED with IAM’s description, INPROGRESS (the report answers 404 ReportInProgress), then COMPLETE', async () => {
    const started = await auditor.post('/api/credential-report');
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ state: 'STARTED', description: 'No report exists. Starting a new report generation task' });
    expect((await auditor.post('/api/credential-report')).body).toEqual({ state: 'INPROGRESS' });
    const notReady = await auditor.get('/api/credential-report');
    expect(notReady.status).toBe(404);
    expect(notReady.body.error.code).toBe('ReportInProgress');
    await new Promise((resolve) => setTimeout(resolve, GENERATION_MS + 100));
    expect((await auditor.post('/api/credential-report')).body).toEqual({ state: 'COMPLETE' });
  });

  it('hands out the CSV exactly as GetCredentialReport returns it, with its generation time', async () => {
    const sdk = await endpoint.iamAs(endpoint.rootKeys).send(new GetCredentialReportCommand({}));
    const bytes = Buffer.from(sdk.Content!);
    const res = await auditor.get('/api/credential-report');
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.content, 'utf8').equals(bytes)).toBe(true);
    expect(res.body.generatedTime).toBe(sdk.GeneratedTime!.toISOString());
    expect(res.body.reportFormat).toBe('text/csv');
    expect(res.body.content.split('\n')[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));

    const download = await auditor.get('/api/credential-report/download').buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    const stamp = sdk.GeneratedTime!.toISOString().slice(0, 19).replaceAll(':', '_');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="status_reports_${stamp}.csv"`);
    expect((download.body as Buffer).equals(bytes)).toBe(true);
  });
});

describe('authorization details', () => {
  it('downloads every user, group, role and policy as JSON, policy documents decoded', async () => {
    const res = await auditor.get('/api/authorization-details/download').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="authorization-details_\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d\.json"$/);
    const details = JSON.parse((res.body as Buffer).toString('utf8')) as Record<string, { UserName?: string; RoleName?: string; PolicyName?: string; AssumeRolePolicyDocument?: unknown }[]>;
    expect(Object.keys(details)).toEqual(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']);
    const root = endpoint.iamAs(endpoint.rootKeys);
    const users = (await root.send(new ListUsersCommand({ MaxItems: 1000 }))).Users!.map((u) => u.UserName).sort();
    expect(details.UserDetailList!.map((u) => u.UserName).sort()).toEqual(users);
    const roles = (await root.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles!;
    expect(details.RoleDetailList).toHaveLength(roles.length);
    expect(details.RoleDetailList![0]!.AssumeRolePolicyDocument).toMatchObject({ Statement: expect.any(Array) });
    const local = (await root.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }))).Policies!;
    for (const policy of local) expect(details.Policies!.map((p) => p.PolicyName)).toContain(policy.PolicyName);
  });
});

describe('audit log', () => {
  it('filters by operation, caller and outcome, newest first, and pages by entry id', async () => {
    const generated = await auditor.get('/api/audit-log?operation=generatecredential');
    expect(generated.status).toBe(200);
    expect(generated.body.items.map((e: { operation: string }) => e.operation)).toEqual(['GenerateCredentialReport', 'GenerateCredentialReport', 'GenerateCredentialReport']);
    const ids = generated.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const first = await auditor.get('/api/audit-log?operation=GenerateCredentialReport&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextBefore).toBe(first.body.items[1].id);
    const second = await auditor.get(`/api/audit-log?operation=GenerateCredentialReport&limit=2&before=${first.body.nextBefore}`);
    expect(second.body.items.map((e: { id: number }) => e.id)).toEqual([ids[2]]);
    expect(second.body.nextBefore).toBeUndefined();

    const byBob = await auditor.get('/api/audit-log?caller=user/BOB');
    expect(byBob.body.items.length).toBeGreaterThan(0);
    expect(byBob.body.items.every((e: { callerArn: string }) => e.callerArn.endsWith(':user/bob'))).toBe(true);
    const failures = await auditor.get('/api/audit-log?result=failure&caller=auditor');
    expect(failures.body.items).toEqual([]);
  });

  it('filters by a date range', async () => {
    const all = (await auditor.get('/api/audit-log')).body.items as { id: number; time: string }[];
    const oldest = all.at(-1)!;
    const onlyOldest = await auditor.get(`/api/audit-log?to=${encodeURIComponent(new Date(Date.parse(oldest.time) + 1).toISOString())}`);
    expect(onlyOldest.body.items.map((e: { id: number }) => e.id)).toEqual(all.filter((e) => e.time <= oldest.time).map((e) => e.id));
    const future = await auditor.get(`/api/audit-log?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.items).toEqual([]);
    const bad = await auditor.get('/api/audit-log?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ValidationError');
  });

  it('downloads the filtered log as CSV and JSON, the same entries as the pages', async () => {
    const page = (await auditor.get('/api/audit-log?operation=SignIn')).body.items as { id: number; operation: string; callerArn: string }[];
    const csv = await auditor.get('/api/audit-log/download?format=csv&operation=SignIn').buffer(true).parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-log_.*\.csv"$/);
    const rows = parse((csv.body as Buffer).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.id))).toEqual(page.map((e) => e.id));
    expect(rows[0]).toMatchObject({ operation: 'SignIn', callerArn: page[0]!.callerArn, result: 'success' });

    const json = await auditor.get('/api/audit-log/download?format=json&operation=SignIn').buffer(true).parse(binary);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse((json.body as Buffer).toString('utf8'))).toEqual(page);

    const none = await auditor.get('/api/audit-log/download?format=json&operation=nothing-like-this').buffer(true).parse(binary);
    expect(JSON.parse((none.body as Buffer).toString('utf8'))).toEqual([]);
    const header = await auditor.get('/api/audit-log/download?operation=nothing-like-this').buffer(true).parse(binary);
    expect((header.body as Buffer).toString('utf8')).toBe('id,time,callerArn,operation,target,result,errorCode,awsRequestId,httpStatus,count\n');
  });
});

describe('audit bundle', () => {
  it('zips the report, findings, authorization details and audit log with a manifest of their SHA-256', async () => {
    const res = await auditor.get('/api/audit-bundle').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-bundle_.*\.zip"$/);
    const files = await unzip(res.body as Buffer);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { account: string; generatedBy: string; generatedAt: string; files: { name: string; bytes: number; sha256: string }[] };
    expect(manifest.account).toBe(endpoint.accountId);
    expect(manifest.generatedBy).toBe(`arn:aws:iam::${endpoint.accountId}:user/auditor`);
    expect(Date.now() - Date.parse(manifest.generatedAt)).toBeLessThan(60_000);
    const names = manifest.files.map((f) => f.name);
    expect(names).toEqual(['authorization-details.json', expect.stringMatching(/^status_reports_.*\.csv$/), 'findings.json', 'audit-log.csv']);
    for (const file of manifest.files) {
      expect(sha256(files.get(file.name)!), file.name).toBe(file.sha256);
      expect(files.get(file.name)!.length).toBe(file.bytes);
    }
    const sdk = await endpoint.iamAs(endpoint.rootKeys).send(new GetCredentialReportCommand({}));
    expect(files.get(names[1]!)!.equals(Buffer.from(sdk.Content!))).toBe(true);
    const findings = JSON.parse(files.get('findings.json')!.toString('utf8')) as { findings: { check: string; user: string | null }[] };
    expect(findings.findings).toContainEqual(expect.objectContaining({ check: 'console-without-mfa', user: 'bob' }));
    expect(findings.findings).toContainEqual(expect.objectContaining({ check: 'root-mfa', user: '<root_account>' }));
    expect(files.get('audit-log.csv')!.toString('utf8')).toContain('GenerateCredentialReport');
  });
});

describe('audit targets that a spreadsheet would read as formulas', () => {
  // Some targets are stored as the request sent them (a policy simulation's principalArn, even when invalid).
  const targets = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)'];

  it('come out prefixed with a quote, in the download and in the bundle', async () => {
    for (const target of targets) {
      h.auditLog.append({ time: new Date().toISOString(), callerArn: null, operation: 'FormulaProbe', target, result: 'failure', httpStatus: 400 });
    }
    const csv = await auditor.get('/api/audit-log/download?format=csv&operation=FormulaProbe').buffer(true).parse(binary);
    const rows = parse((csv.body as Buffer).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.target).sort()).toEqual(targets.map((t) => `'${t}`).sort());

    const bundle = await auditor.get('/api/audit-bundle').buffer(true).parse(binary);
    const log = parse((await unzip(bundle.body as Buffer)).get('audit-log.csv')!.toString('utf8'), { columns: true }) as Record<string, string>[];
    const probes = log.filter((r) => r.operation === 'FormulaProbe').map((r) => r.target);
    expect(probes.sort()).toEqual(targets.map((t) => `'${t}`).sort());
  });
});

describe('bob, who may not read the credential report', () => {
  it.each([
    ['POST', '/api/credential-report', 'iam:GenerateCredentialReport'],
    ['GET', '/api/credential-report', 'iam:GetCredentialReport'],
    ['GET', '/api/credential-report/download', 'iam:GetCredentialReport'],
    ['GET', '/api/authorization-details/download', 'iam:GetAccountAuthorizationDetails'],
    ['GET', '/api/audit-log', 'iam:GetCredentialReport'],
    ['GET', '/api/audit-log/download', 'iam:GetCredentialReport'],
    ['GET', '/api/audit-bundle', 'iam:GetCredentialReport'],
  ])('%s %s: 403 AccessDenied naming %s, no file', async (method, url, action) => {
    const res = method === 'POST' ? await bob.post(url) : await bob.get(url);
    expect(res.status).toBe(403);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.error.code).toBe('AccessDenied');
    expect(res.body.error.message).toMatch(new RegExp(`^You lack ${action} on `));
  });
});
