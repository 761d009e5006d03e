import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(() => {
  h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const users = Array.from({ length: 200 }, (_, i) => ({ UserName: `user-${i}`, UserId: `AIDA${i}`, Arn: `arn:aws:iam::123456789012:user/user-${i}`, Path: '/', CreateDate: new Date() }));

describe('compression', () => {
  it('answers API JSON in brotli when the browser takes it', async () => {
    h = createHarness(fakeAws({ ...signInHandlers([admin]).handlers, ListUsers: () => ({ Users: users, IsTruncated: false }) }).makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    // The header is as sent; supertest decodes the body.
    const res = await b.get('/api/users').set('accept-encoding', 'gzip, deflate, br, zstd');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.items).toHaveLength(200);
  });

  it('still compresses the SPA’s files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app-1234.js'), `export const text = ${JSON.stringify('x'.repeat(20_000))};\n`);
    h = createHarness(fakeAws(signInHandlers([admin]).handlers).makeClients, { env: { STATIC_DIR: dir } });
    const b = await browser(h.app);
    const res = await b.get('/assets/app-1234.js').set('accept-encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('xxxx');
  });
});
