import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

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
});
