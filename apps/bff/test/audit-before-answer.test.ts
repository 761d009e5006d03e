// A change's audit entry is committed before any byte of its answer leaves the BFF (crash-durability.test.ts
// kills the process in between); when the entry cannot be written, the answer is withheld.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.ts';
import type { AuditEntryInput } from '../src/audit/audit-log.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { ACCOUNT, admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

/** An audit log whose disk is full for one operation. */
class FullDiskFor extends AuditLog {
  readonly operation: string;
  constructor(file: string, operation: string) {
    super(file);
    this.operation = operation;
  }
  override append(entry: AuditEntryInput): number {
    if (entry.operation === this.operation) throw new Error('SqliteError: database or disk is full');
    return super.append(entry);
  }
}

let h: Harness | undefined;
let auditLog: AuditLog | undefined;
let dir: string | undefined;
afterEach(() => {
  h?.close();
  auditLog?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('withholds the answer to a change whose audit entry cannot be written: the client sees the request fail, never a 2xx', async () => {
  const aws = fakeAws({
    ...signInHandlers([admin]).handlers,
    CreateGroup: (i) => ({ Group: { GroupName: i.GroupName, GroupId: 'AGPAX', Arn: `arn:aws:iam::${ACCOUNT}:group/${String(i.GroupName)}`, Path: '/', CreateDate: new Date() } }),
  });
  dir = mkdtempSync(join(tmpdir(), 'bff-audit-full-'));
  auditLog = new FullDiskFor(join(dir, 'audit.sqlite'), 'CreateGroup');
  h = createHarness(aws.makeClients, { deps: { auditLog } });
  const b = await browser(h.app);
  expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);

  await expect(b.post('/api/groups', { groupName: 'unrecorded' })).rejects.toThrow(/socket hang up|ECONNRESET/);
  // IAM made the change; the client was not told it succeeded, as if the BFF had stopped before answering.
  expect(aws.calls.map((c) => c.command)).toContain('CreateGroup');
  expect(h.logs.join('')).toContain('could not write the audit log');
  // Reads are not audited and still answered.
  expect((await b.get('/api/session')).body).toMatchObject({ signedIn: true });
  expect(auditLog.list({ limit: 10 }).map((e) => e.operation)).toEqual(['SignIn']);
});
