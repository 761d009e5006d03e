// The demo and scale seeds: what the account contains, and that the written identities and credential files
// really sign calls (SDK and AWS CLI v2).
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  ListAccessKeysCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  GetRoleCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { parse } from 'csv-parse/sync';
import { Secret, TOTP } from 'otpauth';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { openTempAccount } from './helpers/temp-account.ts';
import { DEMO_ACCOUNT_ALIAS, DEMO_ACCOUNT_ID, seedScale } from '../src/seed/index.ts';
import { CUSTOMER_POLICIES } from '../src/seed/seed-policies.ts';
import type { DemoIdentitiesFile, DemoIdentity } from '../src/seed/demo-identities.ts';
import { getPasswordPolicy, passwordViolation } from '../src/model/password-policy.ts';
import { signInWithPassword } from '../src/model/login-profiles.ts';
import { requireUserOwner } from '../src/model/credential-owner.ts';
import { buildCredentialReportCsv } from '../src/model/credential-report.ts';

const run = promisify(execFile);
let t: TestServer;
let file: DemoIdentitiesFile;
const identity = (id: string): DemoIdentity => {
  const found = file.identities.find((i) => i.id === id);
  if (!found) throw new Error(`no demo identity ${id}`);
  return found;
};
const keysOf = (id: string) => ({ accessKeyId: identity(id).accessKeyId, secretAccessKey: identity(id).secretAccessKey });

beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', accountId: DEMO_ACCOUNT_ID });
  file = JSON.parse(readFileSync(join(t.dataDir, 'demo-identities.json'), 'utf8')) as DemoIdentitiesFile;
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('writes demo-identities.json naming each kind of identity', () => {
    expect(file.accountId).toBe(DEMO_ACCOUNT_ID);
    expect(file.accountAlias).toBe(DEMO_ACCOUNT_ALIAS);
    expect(file.identities.map((i) => [i.id, i.kind])).toEqual([
      ['root', 'root'],
      ['admin', 'admin'],
      ['alice', 'self-service'],
      ['bob', 'self-service'],
      ['auditor', 'auditor'],
    ]);
    expect(identity('alice').mfa?.serialNumber).toBe(`arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/alice`);
    expect(identity('bob').mfa).toBeUndefined();
    expect(statSync(join(t.dataDir, 'demo-identities.json')).mode & 0o777).toBe(0o600);
  });

  it('every identity\'s key signs calls as that identity', async () => {
    for (const id of file.identities) {
      const { Arn } = await t.stsAs(keysOf(id.id)).send(new GetCallerIdentityCommand({}));
      expect(Arn).toBe(id.kind === 'root' ? `arn:aws:iam::${DEMO_ACCOUNT_ID}:root` : `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${id.userName}`);
    }
  });

  it('the admin sees the seeded users, groups, roles and every customer managed policy', async () => {
    const admin = t.iamAs(keysOf('admin'));
    const users = (await admin.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName);
    expect(users).toEqual(['admin', 'alice', 'auditor', 'bob', 'ci-deploy', 'dana', 'erin', 'frank', 'legacy-batch']);
    expect((await admin.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName)).toEqual(['Admins', 'Auditors', 'Developers', 'EC2MFA', 'Testers']);
    const policies = (await admin.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.map((p) => p.PolicyName);
    expect(policies?.sort()).toEqual(CUSTOMER_POLICIES.map((p) => p.name).sort());
    expect((await admin.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toEqual(
      expect.arrayContaining(['UpdateApp', 'ExampleCorpAuditor', 'BreakGlassAdmin']),
    );
    const trust = decodeURIComponent((await admin.send(new GetRoleCommand({ RoleName: 'ExampleCorpAuditor' }))).Role?.AssumeRolePolicyDocument ?? '');
    expect(JSON.parse(trust).Statement.Condition).toEqual({ StringEquals: { 'sts:ExternalId': '12345' } });
  });

  it('the auditor gets a credential report with a spread of findings but cannot change anything', async () => {
    const auditor = t.iamAs(keysOf('auditor'));
    expect((await auditor.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    const content = Buffer.from((await auditor.send(new GetCredentialReportCommand({}))).Content ?? new Uint8Array()).toString();
    const rows = new Map((parse(content, { columns: true }) as Record<string, string>[]).map((r) => [r.user, r]));
    expect(rows.get('<root_account>')).toMatchObject({ mfa_active: 'false', access_key_1_active: 'true' });
    expect(rows.get('alice')?.mfa_active).toBe('true');
    expect(rows.get('bob')).toMatchObject({ mfa_active: 'false', password_enabled: 'true', password_last_used: 'no_information' });
    expect(rows.get('ci-deploy')).toMatchObject({ password_enabled: 'false', access_key_1_active: 'true', access_key_2_active: 'false', access_key_2_last_used_date: 'N/A' });
    const legacyUse = new Date(rows.get('legacy-batch')?.access_key_1_last_used_date ?? '');
    expect(Date.now() - legacyUse.getTime()).toBeGreaterThan(90 * 86_400_000);
    expect(rows.get('frank')?.password_next_rotation).not.toBe('N/A');
    expect((await awsError(auditor.send(new CreateUserCommand({ UserName: 'intruder' })))).status).toBe(403);
  });

  it('bob (force-MFA, no device) may enroll a device but nothing else; alice works after GetSessionToken with MFA', async () => {
    const bob = t.iamAs(keysOf('bob'));
    expect((await awsError(bob.send(new ListUsersCommand({})))).message).toContain('explicit deny');
    expect((await bob.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob' }))).VirtualMFADevice?.SerialNumber).toContain(':mfa/bob');

    const alice = identity('alice');
    expect((await awsError(t.iamAs(keysOf('alice')).send(new ListAccessKeysCommand({})))).status).toBe(403);
    const totp = new TOTP({ secret: Secret.fromBase32(alice.mfa?.base32Seed ?? ''), algorithm: 'SHA1', digits: 6, period: 30 });
    const { Credentials } = await t.stsAs(keysOf('alice')).send(new GetSessionTokenCommand({ SerialNumber: alice.mfa?.serialNumber, TokenCode: totp.generate() }));
    const session = t.iamAs({ accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken });
    expect((await session.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.[0]?.AccessKeyId).toBe(alice.accessKeyId);
  });

  it('demo passwords satisfy the demo password policy and sign in', async () => {
    const db = t.server.state.db;
    const policy = getPasswordPolicy(db);
    expect(policy).toMatchObject({ MinimumPasswordLength: 12, MaxPasswordAge: 90, AllowUsersToChangePassword: true });
    for (const id of file.identities.filter((i) => i.password)) {
      expect(passwordViolation(policy, id.password ?? ''), id.id).toBeUndefined();
      expect((await signInWithPassword(db, requireUserOwner(db, id.userName ?? ''), id.password ?? '', new Date())).ok, id.id).toBe(true);
    }
  });

  it('writes an AWS shared credentials file (0600) the AWS CLI v2 signs with', async () => {
    const credentials = join(t.dataDir, 'credentials');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const text = readFileSync(credentials, 'utf8');
    for (const id of file.identities) expect(text).toContain(`[${id.id}]\naws_access_key_id = ${id.accessKeyId}\naws_secret_access_key = ${id.secretAccessKey}\n`);
    const { stdout } = await run('/usr/bin/aws', ['sts', 'get-caller-identity', '--profile', 'admin', '--endpoint-url', t.url, '--output', 'json'], {
      env: { ...process.env, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: join(t.dataDir, 'config'), AWS_PAGER: '' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ Account: DEMO_ACCOUNT_ID, Arn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/admin` });
  });
});

describe('scale seed', () => {
  it('creates the requested users with keys, passwords and MFA in a realistic spread', async () => {
    const temp = openTempAccount();
    try {
      const seeded = await seedScale({ db: temp.db, accountId: temp.account.accountId, dataDir: temp.dataDir }, { users: 200 });
      expect(seeded.identities.map((i) => i.id)).toEqual(['root', 'admin']);
      const rows = parse(buildCredentialReportCsv(temp.db), { from_line: 2 }) as string[][];
      expect(rows).toHaveLength(1 + 1 + 200);
      const count = (column: number, value: string) => rows.filter((r) => r[column] === value).length;
      expect(count(3, 'true')).toBe(50); // one user in four has a password
      expect(count(7, 'true')).toBe(40); // one in five has MFA
      expect(count(13, 'true') + count(13, 'false')).toBe(rows.length);
      expect(rows.filter((r) => r[8] === 'true').length).toBe(202);
    } finally {
      temp.close();
    }
  });
});
