// Local mode on the endpoint's real demo seed: the seeded identities as one-click sign-ins, each seeing
// what IAM lets it see.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalConsole } from '../src/local.ts';
import type { LocalConsole } from '../src/local.ts';
import { readProfile } from './helpers/iam-endpoint.ts';
import type { Keys } from './helpers/iam-endpoint.ts';

let dir: string;
let local: LocalConsole;

interface Demo { id: string; kind: string; hasMfa: boolean; userName?: string }

/** A minimal browser: cookie jar of one cookie, CSRF token from the session endpoint. */
async function signedInAs(demoIdentity: string | Keys) {
  const first = await fetch(`${local.url}/api/session`);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const res = await fetch(`${local.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: (first.headers.get('set-cookie') ?? '').split(';')[0]! },
    body: JSON.stringify(typeof demoIdentity === 'string' ? { demoIdentity } : demoIdentity),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { status: res.status, body: (await res.json()) as { identity: { userName?: string; type: string; accountAlias?: string | null }; mfaAuthenticated: boolean }, get: (path: string) => fetch(`${local.url}${path}`, { headers: { cookie } }) };
}

let demos: Demo[] = [];
const find = (kind: string, hasMfa?: boolean) => demos.find((d) => d.kind === kind && (hasMfa === undefined || d.hasMfa === hasMfa))!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-demo-'));
  local = await startLocalConsole({ dataDir: dir, port: 0, seed: 'demo', env: { LOG_LEVEL: 'silent', STATIC_DIR: join(dir, 'web') } });
  demos = ((await (await fetch(`${local.url}/api/session/demo-identities`)).json()) as { items: Demo[] }).items;
});
afterAll(async () => {
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo identities from the seed', () => {
  it('offers root, an admin, self-service users (with and without MFA) and an auditor', () => {
    expect(local.demoIdentitiesFile).toBeTruthy();
    expect(new Set(demos.map((d) => d.kind))).toEqual(new Set(['root', 'admin', 'self-service', 'auditor']));
    expect(find('self-service', true)).toBeTruthy();
    expect(find('self-service', false)).toBeTruthy();
  });

  it('signing in reads the account alias with the session’s credentials', async () => {
    const admin = await signedInAs(find('admin').id);
    expect(admin.status).toBe(200);
    expect(admin.body.identity.accountAlias).toBe('acme-demo');
  });

  it('the admin manages users', async () => {
    const admin = await signedInAs(find('admin').id);
    expect(admin.status).toBe(200);
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('the self-service user with MFA signs in with a server-computed code', async () => {
    const user = await signedInAs(find('self-service', true).id);
    expect(user.status).toBe(200);
    expect(user.body.mfaAuthenticated).toBe(true);
  });

  it('the self-service user is refused the users list with a clear reason', async () => {
    const user = await signedInAs(find('self-service', false).id);
    const res = await user.get('/api/users');
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toMatch(/^You lack iam:ListUsers on arn:aws:iam::\d{12}:user\//);
  });

  it('the auditor reads the audit log; the self-service user may not', async () => {
    expect((await (await signedInAs(find('auditor').id)).get('/api/audit-log')).status).toBe(200);
    expect((await (await signedInAs(find('self-service', false).id)).get('/api/audit-log')).status).toBe(403);
  });
});

describe('the account overview for a principal denied part of it', () => {
  interface Overview { accountId: string; alias: string | null; summary: Record<string, number>; unavailable: { section: string; code: string; message: string }[] }

  it('keeps the account id from the session and lists the sections IAM refused', async () => {
    const bob = await signedInAs(find('self-service', false).id); // Force_MFA without MFA: nearly everything denied
    const res = await bob.get('/api/account');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Overview;
    expect(body).toMatchObject({ accountId: local.accountId, alias: null, summary: {} });
    expect(body.unavailable.map((u) => [u.section, u.code])).toEqual([['summary', 'AccessDenied'], ['alias', 'AccessDenied']]);
    expect(body.unavailable[0]!.message).toMatch(/iam:GetAccountSummary/);
  });

  it('shows what the caller may read next to what it may not', async () => {
    const root = new IAMClient({ endpoint: local.iamUrl, region: 'us-east-1', credentials: readProfile(local.credentialsFile, 'root'), maxAttempts: 1 });
    await root.send(new CreateUserCommand({ UserName: 'alias-reader' }));
    await root.send(new PutUserPolicyCommand({
      UserName: 'alias-reader', PolicyName: 'aliases-only',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListAccountAliases', Resource: '*' }] }),
    }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'alias-reader' }))).AccessKey!;
    root.destroy();
    const reader = await signedInAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    expect(reader.status).toBe(200);
    const body = (await (await reader.get('/api/account')).json()) as Overview;
    expect(body).toMatchObject({ accountId: local.accountId, alias: 'acme-demo', summary: {} });
    expect(body.unavailable.map((u) => u.section)).toEqual(['summary']);
  });
});
