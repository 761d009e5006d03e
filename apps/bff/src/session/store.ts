// Picks the session store: Redis (connect-redis) when REDIS_URL is set, else our SQLite store. With
// Redis the sign-in rate limits are kept there too, so several BFF instances share one budget.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createClient } from 'redis';
import type { Store as RateLimitStore } from 'express-rate-limit';
import { RedisStore as RedisRateLimitStore } from 'rate-limit-redis';
import { SESSIONS_FILE } from '../data-dir.ts';
import type { PrincipalSessionStore } from './principal-sessions.ts';
import { RedisSessionStore } from './redis-session-store.ts';
import { RedisRecentRoles } from './redis-recent-roles.ts';
import type { RecentRolesStore } from './recent-roles.ts';
import { SqliteSessionStore } from './sqlite-store.ts';

export interface OpenedStore {
  store: PrincipalSessionStore;
  /** A fresh rate-limit store per limiter (prefix tells them apart); undefined = express-rate-limit's in-memory store. */
  rateLimitStore?: ((prefix: string) => RateLimitStore) | undefined;
  /** With Redis, the recent roles of "Switch role" too (every replica shows the same); else recent-roles.sqlite. */
  recentRoles?: RecentRolesStore | undefined;
  close(): Promise<void>;
}

export async function openSessionStore(options: {
  redisUrl: string | undefined;
  dataDir: string;
  ttlMs: number;
  /**
   * A Redis connection failed (the client reconnects by itself). Without a listener node-redis would throw the
   * error and end the process: one Redis restart would take every replica down.
   */
  onError?: (err: Error) => void;
}): Promise<OpenedStore> {
  if (options.redisUrl) {
    const client = createClient({ url: options.redisUrl });
    client.on('error', (err: Error) => options.onError?.(err));
    await client.connect();
    const store = new RedisSessionStore({ client, prefix: 'iam-console:sess:', endedPrefix: 'iam-console:ended:' });
    const rateLimitStore = (prefix: string) =>
      new RedisRateLimitStore({ prefix: `iam-console:rl:${prefix}`, sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<never> });
    return { store, rateLimitStore, recentRoles: new RedisRecentRoles(client), close: async () => void (await client.close()) };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const store = new SqliteSessionStore({
    file: join(options.dataDir, SESSIONS_FILE),
    defaultTtlMs: options.ttlMs,
    purgeIntervalMs: 10 * 60_000,
  });
  return { store, close: async () => store.close() };
}
