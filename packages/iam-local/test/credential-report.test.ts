// The credential report over HTTP: states, the 4-hour rule (the server's clock moved forward), errors, and the
// CSV row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser } from './helpers/fixtures.ts';
import { isWellFormedXml, rawCall } from './helpers/raw-call.ts';
import { awsError } from './helpers/entities.ts';
import { CREDENTIAL_REPORT_COLUMNS } from '../src/model/credential-report.ts';

const HOUR = 3_600_000;
let offset = 0;
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ now: () => new Date(Date.now() + offset) });
});
afterAll(() => t.close());

/**
 * A root client whose signing clock follows the server's (requests more than 15 minutes off are refused). One per
 * call: the SDK resets its clock offset from the response's Date header, which is real time.
 */
function rootClient(): IAMClient {
  return new IAMClient({ endpoint: t.url, region: 'us-east-1', credentials: t.rootKeys, maxAttempts: 1, systemClockOffset: offset });
}

async function report(client = rootClient()): Promise<{ rows: Record<string, string>[]; header: string; generated: Date | undefined }> {
  const got = await client.send(new GetCredentialReportCommand({}));
  expect(got.ReportFormat).toBe('text/csv');
  const csv = Buffer.from(got.Content ?? new Uint8Array()).toString('utf8');
  return { rows: parse(csv, { columns: true }) as Record<string, string>[], header: csv.slice(0, csv.indexOf('\n')), generated: got.GeneratedTime };
}

describe('credential report', () => {
  it('is not present before the first GenerateCredentialReport', async () => {
    expect(await awsError(rootClient().send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportNotPresentException', status: 410 });
  });

  it('STARTED the first time, then COMPLETE with the same report for 4 hours, then a new one', async () => {
    const ivy = addUser(t, 'ivy');
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'ivy', Password: 'Ivy-passw0rd!' }));
    await t.iam.send(new UpdateAccessKeyCommand({ UserName: 'ivy', AccessKeyId: ivy.keys.accessKeyId, Status: 'Inactive' }));
    const second = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'ivy' }));

    const client = rootClient();
    expect(await client.send(new GenerateCredentialReportCommand({}))).toMatchObject({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const first = await report();
    expect(first.header).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));
    expect(first.rows.map((r) => r.user)).toEqual(['<root_account>', 'ivy']);
    const [root, row] = first.rows;
    expect(root).toMatchObject({
      arn: `arn:aws:iam::${t.accountId}:root`,
      password_enabled: 'not_supported',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_used_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      access_key_1_last_used_service: 'iam',
      access_key_1_last_used_region: 'us-east-1',
    });
    expect(row).toMatchObject({
      arn: `arn:aws:iam::${t.accountId}:user/ivy`,
      password_enabled: 'true',
      password_last_used: 'no_information',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_used_date: 'N/A',
      access_key_1_last_used_region: 'N/A',
      access_key_1_last_used_service: 'N/A',
      access_key_2_active: 'true',
      access_key_2_last_rotated: second.AccessKey?.CreateDate?.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });

    addUser(t, 'jon');
    offset = 3 * HOUR;
    expect((await rootClient().send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const reused = await report();
    expect(reused.generated).toEqual(first.generated);
    expect(reused.rows.map((r) => r.user)).not.toContain('jon');

    offset = 4 * HOUR + 60_000;
    expect(await awsError(rootClient().send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportExpiredException', status: 410 });
    expect((await rootClient().send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    const fresh = await report();
    expect(fresh.rows.map((r) => r.user)).toEqual(['<root_account>', 'ivy', 'jon']);
    expect((fresh.generated?.getTime() ?? 0) - (first.generated?.getTime() ?? 0)).toBeGreaterThanOrEqual(4 * HOUR);
  });

  it('needs iam:GenerateCredentialReport / iam:GetCredentialReport', async () => {
    const kim = addUser(t, 'kim');
    const client = new IAMClient({ endpoint: t.url, region: 'us-east-1', credentials: kim.keys, maxAttempts: 1, systemClockOffset: offset });
    const denied = await awsError(client.send(new GenerateCredentialReportCommand({})));
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('iam:GenerateCredentialReport');
    client.destroy();
  });
});

describe('generation takes time (credentialReportGenerationMs)', () => {
  const MINUTE = 60_000;
  let clock = 0;
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ now: () => new Date(Date.now() + clock), credentialReportGenerationMs: 2 * MINUTE });
  });
  afterAll(() => slow.close());
  const client = () =>
    new IAMClient({ endpoint: slow.url, region: 'us-east-1', credentials: slow.rootKeys, maxAttempts: 1, systemClockOffset: clock });

  it('STARTED, then INPROGRESS with GetCredentialReport 404 ReportInProgress, then COMPLETE; 4 hours from completion', async () => {
    expect(await client().send(new GenerateCredentialReportCommand({}))).toMatchObject({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const started = Date.now() + clock;
    const during = await client().send(new GenerateCredentialReportCommand({}));
    expect(during.State).toBe('INPROGRESS');
    expect(during.Description).toBeUndefined();
    const notReady = await awsError(client().send(new GetCredentialReportCommand({})));
    expect(notReady).toMatchObject({ name: 'CredentialReportNotReadyException', status: 404 });
    expect(notReady.message).toBe('The request was rejected because the credential report is still being generated.');
    const raw = await rawCall(slow.url, slow.rootKeys, 'Action=GetCredentialReport&Version=2010-05-08');
    expect(raw.text).toContain('<Code>ReportInProgress</Code>');

    addUser(slow, 'after-start');
    clock = 2 * MINUTE + 1000;
    expect((await client().send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const got = await client().send(new GetCredentialReportCommand({}));
    const generated = got.GeneratedTime?.getTime() ?? 0;
    expect(generated - started).toBeGreaterThanOrEqual(2 * MINUTE - 1000);
    expect(generated - started).toBeLessThan(2 * MINUTE + 5000);
    // The rows were taken when generation started.
    expect(Buffer.from(got.Content ?? new Uint8Array()).toString()).not.toContain('after-start');

    // Within 4 hours of completion the same report is handed out; after that a new generation starts (no
    // description: a report exists) and runs its time again.
    clock = generated - Date.now() + 4 * HOUR - 60_000;
    expect((await client().send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    expect((await client().send(new GetCredentialReportCommand({}))).GeneratedTime).toEqual(got.GeneratedTime);
    clock = generated - Date.now() + 4 * HOUR + 60_000;
    const again = await client().send(new GenerateCredentialReportCommand({}));
    expect([again.State, again.Description]).toEqual(['STARTED', undefined]);
    expect((await client().send(new GenerateCredentialReportCommand({}))).State).toBe('INPROGRESS');
    expect(await awsError(client().send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportNotReadyException' });
    clock += 3 * MINUTE;
    const fresh = await client().send(new GetCredentialReportCommand({}));
    expect(Buffer.from(fresh.Content ?? new Uint8Array()).toString()).toContain('\nafter-start,');
  });
});

describe('on the wire', () => {
  it('sends Content as base64 inside a CDATA section of a well-formed document', async () => {
    const fresh = await startTestServer();
    try {
      await fresh.iam.send(new GenerateCredentialReportCommand({}));
      const r = await rawCall(fresh.url, fresh.rootKeys, 'Action=GetCredentialReport&Version=2010-05-08');
      expect(r.status).toBe(200);
      expect(isWellFormedXml(r.text)).toBe(true);
      const base64 = /<Content><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Content>/.exec(r.text)?.[1];
      expect(Buffer.from(base64 ?? '', 'base64').toString('utf8')).toMatch(/^user,arn,.*\n<root_account>,/s);
    } finally {
      await fresh.close();
    }
  });
});
