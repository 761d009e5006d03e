import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionData } from 'express-session';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../src/session/sqlite-store.ts';

let dir: string;
let now: number;
let store: SqliteSessionStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bff-store-'));
  now = Date.parse('2026-01-01T00:00:00Z');
  store = new SqliteSessionStore({ file: join(dir, 's.sqlite'), defaultTtlMs: 60_000, now: () => now });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (expiresAt: number, extra: object = {}, maxAge = 30 * 60_000) =>
  ({ cookie: { expires: new Date(expiresAt), originalMaxAge: maxAge }, ...extra }) as unknown as SessionData;
const get = (sid: string) => new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (err, value) => (err ? reject(err) : resolve(value))));
const call = (fn: (cb: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

describe('SqliteSessionStore', () => {
  it('stores, reads, replaces and destroys sessions', async () => {
    await call((cb) => store.set('a', session(now + 60_000, { csrfToken: 'one' }), cb));
    expect(await get('a')).toMatchObject({ csrfToken: 'one' });
    await call((cb) => store.set('a', session(now + 60_000, { csrfToken: 'two' }), cb));
    expect(await get('a')).toMatchObject({ csrfToken: 'two' });
    await call((cb) => store.destroy('a', cb));
    expect(await get('a')).toBeNull();
  });

  it('never returns an expired session, and touch extends the expiry', async () => {
    await call((cb) => store.set('a', session(now + 60_000), cb));
    await call((cb) => store.touch('a', session(now + 10 * 60_000), cb));
    now += 5 * 60_000;
    expect(await get('a')).not.toBeNull();
    now += 6 * 60_000;
    expect(await get('a')).toBeNull();
  });

  it('skips touches that move the expiry by less than a tenth of the lifetime (at most a minute)', async () => {
    await call((cb) => store.set('long', session(now + 30 * 60_000), cb));
    await call((cb) => store.touch('long', session(now + 30 * 60_000 + 30_000), cb)); // 30 s later: skipped
    now += 30 * 60_000 + 1;
    expect(await get('long')).toBeNull();
    // A 6-s session is touched every 0.6 s of movement, so it lives on while requests come.
    await call((cb) => store.set('short', session(now + 6_000, {}, 6_000), cb));
    await call((cb) => store.touch('short', session(now + 10_000, {}, 6_000), cb));
    now += 8_000;
    expect(await get('short')).not.toBeNull();
  });

  it('purges expired rows', async () => {
    await call((cb) => store.set('old', session(now + 1_000), cb));
    await call((cb) => store.set('new', session(now + 60_000), cb));
    now += 2_000;
    expect(store.purgeExpired()).toBe(1);
    expect(await get('new')).not.toBeNull();
  });
});
