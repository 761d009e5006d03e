// What both session stores (SQLite, Redis) promise for "sign out everywhere".
import type { SessionData } from 'express-session';
import { expect } from 'vitest';
import type { PrincipalSessionStore } from '../../src/session/principal-sessions.ts';
import { admin, mfaUser } from './fake-aws.ts';

/** Every session of a principal ends, others stay, and an ended id (sign-out everywhere, or destroy) is not saved again. */
export async function expectEndedSessionsStayEnded(store: PrincipalSessionStore): Promise<void> {
  const call = (fn: (cb: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
  const get = (sid: string) => new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (err, value) => (err ? reject(err) : resolve(value))));
  const signedIn = (arn: string) => ({ cookie: { expires: new Date(Date.now() + 60_000), originalMaxAge: 60_000 }, auth: { identity: { arn } } }) as unknown as SessionData;
  await call((cb) => store.set('one', signedIn(admin.arn), cb));
  await call((cb) => store.set('two', signedIn(admin.arn), cb));
  await call((cb) => store.set('three', signedIn(mfaUser.arn), cb));
  expect((await store.destroyAllOf(admin.arn)).sort()).toEqual(['one', 'two']);
  expect(await store.destroyAllOf('arn:aws:iam::123456789012:user/nobody')).toEqual([]);
  expect([await get('one'), await get('two')]).toEqual([null, null]);
  expect(await get('three')).toMatchObject({ auth: { identity: { arn: mfaUser.arn } } });
  // A request of "one" still in flight saves it when it finishes: it stays ended.
  await call((cb) => store.set('one', signedIn(admin.arn), cb));
  expect(await get('one')).toBeNull();
  // So does a session ended by an ordinary sign-out.
  await call((cb) => store.destroy('three', cb));
  await call((cb) => store.set('three', signedIn(mfaUser.arn), cb));
  expect(await get('three')).toBeNull();
  // A new session id is stored as ever.
  await call((cb) => store.set('four', signedIn(admin.arn), cb));
  expect(await get('four')).not.toBeNull();
}
