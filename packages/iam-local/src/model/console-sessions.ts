// Temporary credentials issued by the local-only console sign-in (a password, not an access key). They are user
// sessions; what sets them apart: IAM accepts them without MFA (the AWS console's own sessions are not
// GetSessionToken sessions), and a sign-in whose password had to be changed may do nothing else until it is.
import type { Db } from './db.ts';

function currentPasswordSeq(db: Db, userId: string): number | null {
  return (db.prepare('SELECT max(seq) FROM iam_password_history WHERE user_id = ?').pluck().get(userId) as number | null) ?? null;
}

/** Marks a new session as a console sign-in; `mustChangePassword` pins the password it signed in with. */
export function markConsoleSession(db: Db, accessKeyId: string, userId: string, mustChangePassword: boolean): void {
  db.prepare('INSERT INTO sts_console_sessions (access_key_id, reset_password_seq) VALUES (?, ?)').run(
    accessKeyId,
    mustChangePassword ? currentPasswordSeq(db, userId) : null,
  );
}

export interface ConsoleSessionFacts {
  /** The password the session signed in with must still be changed (its sequence number is still the latest). */
  passwordChangeRequired: boolean;
}

/** undefined when the key is not a console sign-in's. */
export function consoleSessionFacts(db: Db, accessKeyId: string, userId: string): ConsoleSessionFacts | undefined {
  const row = db.prepare('SELECT reset_password_seq FROM sts_console_sessions WHERE access_key_id = ?').get(accessKeyId) as
    | { reset_password_seq: number | null }
    | undefined;
  if (!row) return undefined;
  // Any new password (ChangePassword, or an administrator's UpdateLoginProfile) lifts the restriction.
  return { passwordChangeRequired: row.reset_password_seq !== null && row.reset_password_seq === currentPasswordSeq(db, userId) };
}
