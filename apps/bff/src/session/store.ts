// Picks the session store: Redis (connect-redis) when REDIS_URL is set, else our SQLite store.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { RedisStore } from 'connect-redis';
import { createClient } from 'redis';
import type { Store } from 'express-session';
import { SqliteSessionStore } from './sqlite-store.ts';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

export async function openSessionStore(options: {
  redisUrl: string | undefined;
  dataDir: string;
  ttlMs: number;
}): Promise<OpenedStore> {
  if (options.redisUrl) {
    const client = createClient({ url: options.redisUrl });
    await client.connect();
    const store = new RedisStore({ client, prefix: 'iam-console:sess:' });
    return { store, close: async () => void (await client.close()) };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const store = new SqliteSessionStore({
    file: join(options.dataDir, 'sessions.sqlite'),
    defaultTtlMs: options.ttlMs,
    purgeIntervalMs: 10 * 60_000,
  });
  return { store, close: async () => store.close() };
}
