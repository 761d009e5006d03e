// A generation counter for "anything that can change what a principal is allowed to do": inline and managed
// policies, versions, attachments, group membership, boundaries and principal tags. Writers bump it inside their
// transaction; the authorizer compares it to decide whether cached compiled policies are still valid.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';

/** Current policy generation: a single-row primary-key read. */
export function policyStateVersion(db: Db): number {
  const row = prepared(db, 'SELECT version FROM iam_policy_state WHERE id = 1').pluck().get() as number | undefined;
  return row ?? 0;
}

/** Marks the effective policies of some principal as changed. Call inside the writing transaction. */
export function bumpPolicyState(db: Db): void {
  prepared(db, 'UPDATE iam_policy_state SET version = version + 1 WHERE id = 1').run();
}
