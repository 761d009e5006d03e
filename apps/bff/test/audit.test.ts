import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';

let h: Harness;
afterEach(() => h?.close());

describe('audit log', () => {
  it('records sign-in, changes (success and failure with AWS code and request id), CSRF refusals and sign-out', async () => {
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      CreateGroup: (i) => {
        if (i.GroupName === 'taken') throw awsError('EntityAlreadyExists', 'Group with name taken already exists.', 409);
        return { Group: { GroupName: i.GroupName, GroupId: 'AGPAX', Arn: 'arn:aws:iam::123456789012:group/ok', Path: '/', CreateDate: new Date() } };
      },
      GetCredentialReport: () => { throw awsError('ReportNotPresent', 'No report', 410); },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: 'wrong' });
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect((await b.post('/api/groups', { groupName: 'ok' })).status).toBe(201);
    const taken = await b.post('/api/groups', { groupName: 'taken' });
    expect(taken.status).toBe(409);
    await b.agent.post('/api/groups').send({ groupName: 'nocsrf' });
    const list = await b.get('/api/audit-log');
    expect(list.status).toBe(200);
    await b.delete('/api/session');

    const entries = h.auditLog.list({ limit: 100 }).reverse();
    expect(entries.map((e) => [e.operation, e.result, e.errorCode ?? null])).toEqual([
      ['SignIn', 'failure', 'InvalidCredentials'],
      ['SignIn', 'success', null],
      ['CreateGroup', 'success', null],
      ['CreateGroup', 'failure', 'EntityAlreadyExists'],
      ['POST /api/groups', 'failure', 'CsrfTokenInvalid'],
      ['SignOut', 'success', null],
    ]);
    expect(entries[0]).toMatchObject({ callerArn: null, target: admin.accessKeyId });
    expect(entries[2]).toMatchObject({ callerArn: admin.arn, target: 'group/ok', httpStatus: 201 });
    // Recorded at once with its caller, not counted with anonymous requests (the session is gone by then).
    expect(entries[5]).toMatchObject({ callerArn: admin.arn, count: 1 });
    expect(entries[2]!.awsRequestId).toMatch(/^req-CreateGroup-/);
    expect(entries[3]!.awsRequestId).toBe(taken.body.error.requestId);
    expect(list.body.items.map((e: { operation: string }) => e.operation)).toEqual(['POST /api/groups', 'CreateGroup', 'CreateGroup', 'SignIn', 'SignIn']);
  });

  it('records state-changing requests refused while reading the body (bad JSON, too large) with their caller', async () => {
    h = createHarness(fakeAws(signInHandlers([admin]).handlers).makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const badJson = await b.post('/api/groups').set('content-type', 'application/json').send('{"groupName": ');
    expect(badJson.status).toBe(400);
    const tooLarge = await b.post('/api/groups', { groupName: 'x', padding: 'x'.repeat(600 * 1024) });
    expect(tooLarge.status).toBe(413);
    const entries = h.auditLog.list({ limit: 10 }).reverse().slice(1); // after the sign-in
    expect(entries).toEqual([
      expect.objectContaining({ operation: 'POST /api/groups', callerArn: admin.arn, result: 'failure', errorCode: 'BadRequest', httpStatus: 400 }),
      expect.objectContaining({ operation: 'POST /api/groups', callerArn: admin.arn, result: 'failure', errorCode: 'PayloadTooLarge', httpStatus: 413 }),
    ]);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    h = createHarness(fakeAws({}).makeClients);
    h.auditLog.append({ time: new Date().toISOString(), callerArn: 'arn:aws:iam::1:user/a', operation: 'X', target: 't', result: 'success', httpStatus: 200 });
    const db = new Database(join(h.dataDir, 'audit.sqlite'));
    expect(() => db.prepare("UPDATE audit_log SET result = 'failure'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
    expect(h.auditLog.list({ limit: 10 })).toHaveLength(1);
  });

  it('refuses the audit log to a caller IAM does not allow to read the credential report', async () => {
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      GetCredentialReport: () => { throw awsError('AccessDenied', `User: ${admin.arn} is not authorized to perform: iam:GetCredentialReport on resource: * because no identity-based policy allows the iam:GetCredentialReport action`, 403); },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.get('/api/audit-log');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^You lack iam:GetCredentialReport on \* \(AWS: User: /);
  });

  // The check fails closed: only a report, or IAM saying there is none yet (which it says only to a caller it
  // authorized), lets the caller read; any other answer is refused with that answer, never with the entries.
  const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code, $metadata: { attempts: 3, totalRetryDelay: 0 } });
  const timeout = () => Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError', $metadata: { attempts: 3 } });
  const report = () => ({ Content: new TextEncoder().encode('user,arn\n'), ReportFormat: 'text/csv', GeneratedTime: new Date() });
  const answers: [string, () => Record<string, unknown>][] = [
    ['a report', report],
    ['ReportNotPresent', () => { throw awsError('ReportNotPresent', 'Credential report not present.', 410); }],
    ['CredentialReportNotPresentException (the SDK\'s name)', () => { throw awsError('CredentialReportNotPresentException', 'Credential report not present.', 410); }],
    ['ReportExpired', () => { throw awsError('CredentialReportExpiredException', 'Credential report expired.', 410); }],
    ['ReportInProgress', () => { throw awsError('CredentialReportNotReadyException', 'Credential report is being generated.', 404); }],
  ];
  it.each(answers)('lets the caller read the audit log when GetCredentialReport answers %s', async (_answer, handler) => {
    h = createHarness(fakeAws({ ...signInHandlers([admin]).handlers, GetCredentialReport: handler }).makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.get('/api/audit-log');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { operation: string }) => e.operation)).toEqual(['SignIn']);
  });

  const refusals: [string, () => never, number, string][] = [
    ['AccessDenied', () => { throw awsError('AccessDenied', `User: ${admin.arn} is not authorized to perform: iam:GetCredentialReport on resource: *`, 403); }, 403, 'AccessDenied'],
    ['InvalidClientTokenId (an inactive or deleted key)', () => { throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403); }, 401, 'SessionExpired'],
    ['ExpiredToken (expired session credentials)', () => { throw awsError('ExpiredToken', 'The security token included in the request is expired', 403); }, 401, 'SessionExpired'],
    ['ECONNREFUSED (the endpoint is down)', () => { throw networkError('ECONNREFUSED'); }, 502, 'EndpointUnreachable'],
    ['ENOTFOUND (a network error)', () => { throw networkError('ENOTFOUND'); }, 502, 'EndpointUnreachable'],
    ['TimeoutError', () => { throw timeout(); }, 502, 'EndpointUnreachable'],
    ['ServiceFailure', () => { throw awsError('ServiceFailure', 'The request processing has failed because of an unknown error.', 500); }, 500, 'ServiceFailure'],
    ['an error IAM does not document here', () => { throw awsError('SomethingNew', 'Something new.', 400); }, 400, 'SomethingNew'],
    ['something that is no AWS error at all', () => { throw new TypeError('boom'); }, 500, 'InternalError'],
  ];
  it.each(refusals)('refuses the audit log when GetCredentialReport fails with %s, with that error', async (_answer, handler, status, code) => {
    h = createHarness(fakeAws({ ...signInHandlers([admin]).handlers, GetCredentialReport: handler }).makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.get('/api/audit-log');
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.items).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('SignIn');
  });

  it('asks IAM again after a refusal (a no is not remembered), and remembers a yes', async () => {
    let answer: () => Record<string, unknown> = () => { throw awsError('AccessDenied', 'User: x is not authorized to perform: iam:GetCredentialReport on resource: *', 403); };
    const aws = fakeAws({ ...signInHandlers([admin]).handlers, GetCredentialReport: () => answer() });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect((await b.get('/api/audit-log')).status).toBe(403);
    answer = report;
    expect((await b.get('/api/audit-log')).status).toBe(200);
    answer = () => { throw awsError('AccessDenied', 'User: x is not authorized to perform: iam:GetCredentialReport on resource: *', 403); };
    expect((await b.get('/api/audit-log')).status).toBe(200);
    expect(aws.calls.filter((c) => c.command === 'GetCredentialReport')).toHaveLength(2);
  });

  describe('against the embedded endpoint', () => {
    it('refuses the audit log once the caller\'s access key is inactive, and while the endpoint is down', async () => {
      const endpoint = await startEndpoint('none');
      try {
        h = createHarness(endpoint.makeClients);
        const root = endpoint.iamAs(endpoint.rootKeys);
        await root.send(new CreateUserCommand({ UserName: 'auditor' }));
        await root.send(new PutUserPolicyCommand({ UserName: 'auditor', PolicyName: 'report', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetCredentialReport', Resource: '*' }] }) }));
        const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey!;
        const auditor = await browser(h.app);
        expect((await auditor.signIn({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey })).status).toBe(200);
        await root.send(new UpdateAccessKeyCommand({ UserName: 'auditor', AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
        const inactive = await auditor.get('/api/audit-log');
        expect([inactive.status, inactive.body.error?.code, inactive.body.items]).toEqual([401, 'SessionExpired', undefined]);

        const rootBrowser = await browser(h.app);
        expect((await rootBrowser.signIn(endpoint.rootKeys)).status).toBe(200);
        await endpoint.close();
        const down = await rootBrowser.get('/api/audit-log');
        expect([down.status, down.body.error?.code, down.body.items]).toEqual([502, 'EndpointUnreachable', undefined]);
      } finally {
        await endpoint.close().catch(() => undefined);
      }
    });
  });
});
