// express-session store over better-sqlite3: the published SQLite stores are GPL or unmaintained.
// One row per session; expired rows are purged on a timer and never returned. A destroyed session's id is
// remembered for a while (ended_sessions) so that no request still in flight saves it again.
import Database from 'better-sqlite3';
import session from 'express-session';
import type { SessionData } from 'express-session';
import { ENDED_SESSION_MEMORY_MS } from './principal-sessions.ts';
import type { PrincipalSessionStore } from './principal-sessions.ts';

const TOUCH_EVERY_MS = 60_000;

type Callback<T = void> = (err?: unknown, value?: T) => void;

export interface SqliteStoreOptions {
  file: string;
  /** Used when a session has no cookie expiry. */
  defaultTtlMs: number;
  purgeIntervalMs?: number;
  now?: () => number;
}

export class SqliteSessionStore extends session.Store implements PrincipalSessionStore {
  readonly #db: Database.Database;
  readonly #defaultTtlMs: number;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #get: Database.Statement<[string, number], { data: string }>;
  readonly #set: Database.Statement<[{ sid: string; data: string; expires: number }]>;
  readonly #touch: Database.Statement<[{ expires: number; sid: string }]>;
  readonly #end: (sids: string[]) => void;
  readonly #sidsOf: Database.Statement<[string], { sid: string }>;
  readonly #purge: (now: number) => number;
  /** Expiry last written by touch(), per session id (cleared with the row and at each purge). */
  readonly #touched = new Map<string, number>();

  constructor(options: SqliteStoreOptions) {
    super();
    this.#db = new Database(options.file);
    this.#db.pragma('journal_mode = WAL');
    // Sessions can be lost on power failure (users sign in again); no fsync per request.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(
      'CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires INTEGER NOT NULL);' +
        'CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires);' +
        'CREATE TABLE IF NOT EXISTS ended_sessions (sid TEXT PRIMARY KEY, forget_at INTEGER NOT NULL);',
    );
    this.#defaultTtlMs = options.defaultTtlMs;
    this.#now = options.now ?? Date.now;
    this.#get = this.#db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires > ?');
    // An ended id is not written again (the WHERE also keeps SQLite from reading ON CONFLICT as a join).
    this.#set = this.#db.prepare(
      'INSERT INTO sessions (sid, data, expires) SELECT @sid, @data, @expires WHERE NOT EXISTS (SELECT 1 FROM ended_sessions WHERE sid = @sid) ' +
        'ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires = excluded.expires',
    );
    this.#touch = this.#db.prepare('UPDATE sessions SET expires = @expires WHERE sid = @sid');
    const remember = this.#db.prepare('INSERT OR REPLACE INTO ended_sessions (sid, forget_at) VALUES (?, ?)');
    const remove = this.#db.prepare('DELETE FROM sessions WHERE sid = ?');
    this.#end = this.#db.transaction((sids: string[]) => {
      const forgetAt = this.#now() + ENDED_SESSION_MEMORY_MS;
      for (const sid of sids) {
        remember.run(sid, forgetAt);
        remove.run(sid);
        this.#touched.delete(sid);
      }
    });
    this.#sidsOf = this.#db.prepare("SELECT sid FROM sessions WHERE json_extract(data, '$.auth.identity.arn') = ?");
    const purgeSessions = this.#db.prepare('DELETE FROM sessions WHERE expires <= ?');
    const purgeEnded = this.#db.prepare('DELETE FROM ended_sessions WHERE forget_at <= ?');
    this.#purge = (now) => {
      purgeEnded.run(now);
      return purgeSessions.run(now).changes;
    };
    if (options.purgeIntervalMs) {
      this.#timer = setInterval(() => this.purgeExpired(), options.purgeIntervalMs);
      this.#timer.unref();
    }
  }

  #expiry(sess: SessionData): number {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires).getTime() : this.#now() + this.#defaultTtlMs;
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    try {
      const row = this.#get.get(sid, this.#now());
      callback(undefined, row ? (JSON.parse(row.data) as SessionData) : null);
    } catch (err) {
      callback(err);
    }
  }

  override set(sid: string, sess: SessionData, callback?: Callback): void {
    try {
      const expires = this.#expiry(sess);
      this.#set.run({ sid, data: JSON.stringify(sess), expires });
      this.#touched.set(sid, expires);
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  override touch(sid: string, sess: SessionData, callback?: Callback): void {
    try {
      // express-session touches on every request (rolling cookie); moving the expiry by less than a
      // tenth of the session's lifetime (at most a minute) is not worth a write.
      const expires = this.#expiry(sess);
      const last = this.#touched.get(sid);
      const lifetime = sess.cookie?.originalMaxAge ?? this.#defaultTtlMs;
      if (last !== undefined && expires - last < Math.min(TOUCH_EVERY_MS, lifetime / 10)) return callback?.();
      this.#touched.set(sid, expires);
      this.#touch.run({ expires, sid });
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  override destroy(sid: string, callback?: Callback): void {
    try {
      this.#end([sid]);
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  async destroyAllOf(arn: string): Promise<string[]> {
    const sids = this.#sidsOf.all(arn).map((row) => row.sid);
    this.#end(sids);
    return sids;
  }

  /** Deletes expired rows; returns how many. */
  purgeExpired(): number {
    this.#touched.clear();
    return this.#purge(this.#now());
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#db.close();
  }
}
