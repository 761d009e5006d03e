// connect-redis's store, plus what "sign out everywhere" needs: every session of a principal can be ended, and an
// ended id is remembered (an `ended:` key with its own TTL) so a request still in flight cannot save it again.
// The check and the write are one Lua script, so no save slips in between.
import { RedisStore } from 'connect-redis';
import type { SessionData } from 'express-session';
import { ENDED_SESSION_MEMORY_MS } from './principal-sessions.ts';
import type { PrincipalSessionStore } from './principal-sessions.ts';

type Callback = (err?: unknown, data?: unknown) => unknown;

const SET_UNLESS_ENDED = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

export class RedisSessionStore extends RedisStore implements PrincipalSessionStore {
  readonly #endedPrefix: string;

  /** `prefix` for sessions (connect-redis's); `endedPrefix` must not start with it (all() would list those keys). */
  constructor(options: { client: unknown; prefix: string; endedPrefix: string }) {
    super({ client: options.client, prefix: options.prefix });
    this.#endedPrefix = options.endedPrefix;
  }

  override async set(sid: string, sess: SessionData, cb?: Callback): Promise<unknown> {
    try {
      // As connect-redis: the session lives until its cookie expires (sessions here always have an expiry).
      const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + 86_400_000;
      const ttlMs = expires - Date.now();
      if (ttlMs <= 0) return await super.destroy(sid, cb);
      await this.client.eval(SET_UNLESS_ENDED, {
        keys: [this.prefix + sid, this.#endedPrefix + sid],
        arguments: [this.serializer.stringify(sess), String(ttlMs)],
      });
      return cb?.();
    } catch (err) {
      return cb?.(err);
    }
  }

  override async destroy(sid: string, cb?: Callback): Promise<unknown> {
    try {
      await this.#end([sid]);
      return cb?.();
    } catch (err) {
      return cb?.(err);
    }
  }

  async destroyAllOf(arn: string): Promise<string[]> {
    const sessions = (await this.all()) as (SessionData & { id: string })[];
    const sids = sessions.filter((s) => s.auth?.identity.arn === arn).map((s) => s.id);
    await this.#end(sids);
    return sids;
  }

  async #end(sids: string[]): Promise<void> {
    if (sids.length === 0) return;
    const multi = this.client.multi();
    for (const sid of sids) multi.set(this.#endedPrefix + sid, '1', { expiration: { type: 'PX', value: ENDED_SESSION_MEMORY_MS } });
    multi.del(sids.map((sid) => this.prefix + sid));
    await multi.exec();
  }
}
