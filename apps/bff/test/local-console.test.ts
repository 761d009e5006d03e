// Local mode end to end: endpoint + BFF in one process, over real HTTP, signing in as root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalConsole } from '../src/local.ts';
import type { LocalConsole } from '../src/local.ts';
import { readProfile } from './helpers/iam-endpoint.ts';

let dir: string;
let local: LocalConsole;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-local-'));
  local = await startLocalConsole({ dataDir: dir, port: 0, seed: 'none', env: { LOG_LEVEL: 'silent', STATIC_DIR: join(dir, 'web') } });
});
afterAll(async () => {
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the API over HTTP against the embedded endpoint and signs in with the root key', async () => {
  const first = await fetch(`${local.url}/api/session`);
  const { csrfToken, signedIn } = (await first.json()) as { csrfToken: string; signedIn: boolean };
  expect(signedIn).toBe(false);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${local.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie, origin: local.url, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(readProfile(local.credentialsFile, 'root')),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { identity: { type: string; accountId: string } };
  expect(body.identity).toMatchObject({ type: 'root', accountId: local.accountId });
  const account = await fetch(`${local.url}/api/account`, { headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! } });
  expect(account.status).toBe(200);
});

it('refuses to offer the one-click demo sign-ins on a non-loopback address', async () => {
  const other = mkdtempSync(join(tmpdir(), 'bff-local-remote-'));
  try {
    await expect(startLocalConsole({ dataDir: other, host: '0.0.0.0', port: 0, seed: 'demo', env: { LOG_LEVEL: 'silent', STATIC_DIR: join(other, 'web') } }))
      .rejects.toThrow(/Refusing to start: local demo mode .*IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN=1/);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
