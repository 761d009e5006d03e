import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SignedInSession } from '@iam-console/api-contract/session.ts';
import { notify } from '../../../components/notifications.tsx';

// The session's own query key (features/session): asked again when the role's credentials expire.
const SESSION_KEY = ['session', 'current'] as const;

/**
 * While switched, asks the BFF again when the role's credentials expire: the session then goes back to the
 * signed-in user, and the answer says so once (`roleSessionEnded`), which becomes a notice.
 */
export function useRoleSessionExpiry(session: Pick<SignedInSession, 'identity' | 'switchedRole' | 'roleSessionEnded'>) {
  const queryClient = useQueryClient();
  const expiresAt = session.switchedRole?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return undefined;
    // A second late, so the BFF's clock has certainly passed it; timers cap at about 24.8 days.
    const wait = Math.min(Date.parse(expiresAt) - Date.now() + 1000, 2 ** 31 - 1);
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [expiresAt, queryClient]);

  const ended = session.roleSessionEnded;
  const user = session.identity.userName ?? session.identity.arn;
  useEffect(() => {
    if (!ended) return;
    // What was read as the role is not what the user may see.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    notify(
      { type: 'warning', header: `Your session as ${ended.displayName} has ended`, content: `The role's credentials expired at ${new Date(ended.endedAt).toLocaleTimeString()}. You are back to ${user}'s own permissions; switch again to use the role.` },
      { subjects: ['switch-role'] },
    );
  }, [ended, user, queryClient]);
}
