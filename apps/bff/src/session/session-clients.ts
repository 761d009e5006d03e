// The signed-in sessions' AWS clients, kept between one session's requests for a short while. A client
// built per request (its configuration resolved anew, its middleware stack assembled, the SigV4 signing key
// derived again) cost ~0.3 ms of every proxied call; a page load makes several calls in a row.
//
// What is kept: clients holding credentials opened from the session's sealed blob, in this process's
// memory only (the store keeps the sealed form), and only while the session is in use: an entry unused
// for `idleMs` is dropped, sign-out drops it at once, and the cache holds at most `maxEntries` sessions.
// An entry is found by session id and used only while the session still holds the very blob it was opened
// from, so a new sign-in, another key or a session changed by another BFF instance builds new clients.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AwsClientFactory, AwsClients, AwsCredentials, RequestIdListener } from '../aws/clients.ts';

export interface SessionClientsOptions {
  /** Entries unused for this long are dropped. */
  idleMs: number;
  maxEntries: number;
  clock: () => number;
}

export const DEFAULT_CLIENT_IDLE_MS = 60_000;
export const DEFAULT_MAX_CACHED_SESSIONS = 1_000;

interface Entry {
  sealed: string;
  clients: AwsClients;
  lastUsedAt: number;
}

export interface SessionClients {
  /**
   * The session's clients: cached ones when the session still holds `sealed`, else built from `open()`
   * (which throws when the blob does not open for this session; nothing is cached then).
   */
  forSession(sessionId: string, sealed: string, open: () => AwsCredentials): AwsClients;
  /** Clients of the server's credential chain (one set for every session). */
  forCredentialChain(): AwsClients;
  /** Drops a session's clients (sign-out). */
  forget(sessionId: string): void;
  /** Runs `fn` with AWS request ids of the calls it makes reported to `listener`. */
  withRequestIds<T>(listener: RequestIdListener, fn: () => T): T;
  readonly size: number;
}

export function createSessionClients(makeClients: AwsClientFactory, options: SessionClientsOptions): SessionClients {
  // Clients outlive the request that built them, so each request's listener is found through its async context.
  const listeners = new AsyncLocalStorage<RequestIdListener>();
  const report: RequestIdListener = (id) => listeners.getStore()?.(id);
  // Insertion order is use order: every hit moves its entry to the end, so the oldest come first.
  const entries = new Map<string, Entry>();
  let credentialChain: AwsClients | undefined;

  // Per request: from the oldest, stop at the first entry still in use.
  const dropIdle = (now: number) => {
    for (const [sessionId, entry] of entries) {
      if (now - entry.lastUsedAt < options.idleMs) break;
      entries.delete(sessionId);
    }
  };
  // Also without traffic, so opened credentials do not stay in memory long after their last use (at most
  // 1.25 × idleMs); this pass looks at every entry, should the clock have stepped back.
  const sweeper = setInterval(() => {
    const now = options.clock();
    for (const [sessionId, entry] of entries) if (Math.abs(now - entry.lastUsedAt) >= options.idleMs) entries.delete(sessionId);
  }, Math.max(1_000, options.idleMs / 4));
  sweeper.unref();

  return {
    forSession(sessionId, sealed, open) {
      const now = options.clock();
      dropIdle(now);
      const cached = entries.get(sessionId);
      entries.delete(sessionId);
      const entry = cached?.sealed === sealed ? cached : { sealed, clients: makeClients(open(), report), lastUsedAt: now };
      entry.lastUsedAt = now;
      entries.set(sessionId, entry);
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      return entry.clients;
    },
    forCredentialChain() {
      return (credentialChain ??= makeClients(undefined, report));
    },
    forget(sessionId) {
      entries.delete(sessionId);
    },
    withRequestIds(listener, fn) {
      return listeners.run(listener, fn);
    },
    get size() {
      return entries.size;
    },
  };
}
