// "Sign out everywhere": the session stores can end every session of one principal, and keep ended ids ended.
import type { Store } from 'express-session';

export interface PrincipalSessionStore extends Store {
  /** Destroys every session signed in as `arn` and returns their ids; like destroy(), an ended id is never saved again. */
  destroyAllOf(arn: string): Promise<string[]>;
}

/**
 * How long an ended session id is remembered: a request of the session still in flight when it ended would
 * otherwise save it again when it finishes (express-session saves a changed session at the end of a request).
 * Far longer than any request runs.
 */
export const ENDED_SESSION_MEMORY_MS = 60 * 60_000;
