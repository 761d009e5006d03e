// The credential side of "DeleteUser is refused while the user still has …" (409 DeleteConflict), in AWS's
// wording. The entities model calls this before deleting a user; policies and groups are checked there.
import type { Db } from './db.ts';

export interface CredentialDeleteConflict {
  code: 'DeleteConflict';
  message: string;
}

const CHECKS: ReadonlyArray<{ sql: string; message: string }> = [
  {
    sql: 'SELECT 1 FROM iam_access_keys k JOIN iam_users u ON u.id = k.owner_user_id WHERE u.name = ? LIMIT 1',
    message: 'Cannot delete entity, must delete access keys first.',
  },
  {
    sql: 'SELECT 1 FROM iam_login_profiles p JOIN iam_users u ON u.id = p.user_id WHERE u.name = ? LIMIT 1',
    message: 'Cannot delete entity, must delete login profile first.',
  },
  {
    sql: "SELECT 1 FROM iam_mfa_devices d JOIN iam_users u ON u.id = d.user_id WHERE d.assigned_to = 'user' AND u.name = ? LIMIT 1",
    message: 'Cannot delete entity, must delete MFA device first.',
  },
];

/** The first credential that blocks deleting `userName`, or undefined when none does (or no such user). */
export function credentialDeleteConflict(db: Db, userName: string): CredentialDeleteConflict | undefined {
  for (const check of CHECKS) {
    if (db.prepare(check.sql).get(userName) !== undefined) return { code: 'DeleteConflict', message: check.message };
  }
  return undefined;
}
