// Requests without a signed-in caller (failed sign-ins, CSRF refusals, rate-limited attempts…) can be sent by
// anyone, as fast as they like: one entry each would let them grow the audit log without bound. So per client
// address and window only the first is recorded as an entry of its own; the others are counted and recorded as
// one entry when the window ends ("937 requests from 203.0.113.5 …"). Beyond `maxSources` addresses in a window,
// the further ones share one count. An anonymous caller thus writes at most 2 × maxSources + 1 entries a window.
import type { AuditEntryInput } from './audit-store.ts';

export interface TallyOptions {
  windowMs: number;
  maxSources: number;
}

export const DEFAULT_TALLY: TallyOptions = { windowMs: 60_000, maxSources: 10 };

/** The shared count once a window has seen `maxSources` addresses. */
const OTHER_SOURCES = 'other addresses';
/** How many error codes a counted entry names, most frequent first. */
const CODES_NAMED = 5;
/** Distinct error codes kept per count; further ones are counted together. */
const CODES_KEPT = 20;

interface Count {
  requests: number;
  failures: number;
  /** One operation for all, or null when they differ. */
  operation: string | null;
  /** Per error code (or "HTTP <status>" without one): how often, and its HTTP status. */
  outcomes: Map<string, { n: number; httpStatus: number }>;
}

interface Window {
  start: number;
  bySource: Map<string, Count>;
}

export class AnonymousTally {
  readonly #append: (entry: AuditEntryInput) => unknown;
  readonly #options: TallyOptions;
  #window: Window | undefined;

  constructor(append: (entry: AuditEntryInput) => unknown, options: TallyOptions = DEFAULT_TALLY) {
    this.#append = append;
    this.#options = options;
  }

  /**
   * `source` is the client's address (an IPv6 one as its /56, as the sign-in rate limit counts them). Returns what
   * `append` returned when the entry was written as one of its own (a promise, with PostgreSQL), else undefined.
   */
  record(source: string, entry: AuditEntryInput, now: number): unknown {
    this.flushDue(now);
    const window = (this.#window ??= { start: now, bySource: new Map() });
    const counted = window.bySource.get(source);
    if (counted) {
      add(counted, entry);
      return undefined;
    }
    if (window.bySource.size < this.#options.maxSources) {
      window.bySource.set(source, emptyCount());
      return this.#append(entry);
    }
    let others = window.bySource.get(OTHER_SOURCES);
    if (!others) window.bySource.set(OTHER_SOURCES, (others = emptyCount()));
    add(others, entry);
    return undefined;
  }

  /** Writes the counts of a window that has ended. */
  flushDue(now: number): void {
    if (this.#window && now - this.#window.start >= this.#options.windowMs) this.flush(now);
  }

  /** Writes the counts so far (the window ends now at the latest). */
  flush(now: number): void {
    const window = this.#window;
    this.#window = undefined;
    if (!window) return;
    const end = Math.min(now, window.start + this.#options.windowMs);
    const span = `${Math.round((end - window.start) / 1000)} s from ${new Date(window.start).toISOString()}`;
    for (const [source, count] of window.bySource) {
      if (count.requests === 0) continue;
      const outcomes = [...count.outcomes].sort((a, b) => b[1].n - a[1].n);
      const named = outcomes.slice(0, CODES_NAMED).map(([code, { n }]) => `${n} ${code}`);
      if (outcomes.length > CODES_NAMED) named.push('…');
      const [topCode, top] = outcomes[0]!;
      this.#append({
        time: new Date(end).toISOString(),
        callerArn: null,
        operation: count.operation ?? 'AnonymousRequests',
        target: `${count.requests} requests without a signed-in caller from ${source} in the ${span}: ${named.join(', ')}`,
        result: count.failures > 0 ? 'failure' : 'success',
        errorCode: count.failures > 0 && !topCode.startsWith('HTTP ') ? topCode : undefined,
        httpStatus: top.httpStatus,
        count: count.requests,
      });
    }
  }
}

function emptyCount(): Count {
  return { requests: 0, failures: 0, operation: null, outcomes: new Map() };
}

function add(count: Count, entry: AuditEntryInput): void {
  count.operation = count.requests === 0 || count.operation === entry.operation ? entry.operation : null;
  count.requests += 1;
  if (entry.result === 'failure') count.failures += 1;
  let code = entry.errorCode ?? `HTTP ${entry.httpStatus}`;
  if (!count.outcomes.has(code) && count.outcomes.size >= CODES_KEPT) code = 'other codes';
  const seen = count.outcomes.get(code);
  if (seen) seen.n += 1;
  else count.outcomes.set(code, { n: 1, httpStatus: entry.httpStatus });
}
