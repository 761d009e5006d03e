// The answer of GET /api/session, also given by the calls that change who the session is (sign-in, MFA, switch role).
import type { Request, Response } from 'express';
import type { Session as SessionAnswer } from '@iam-console/api-contract/session.ts';
import type { SessionPolicy } from './guard.ts';
import { switchView } from './switched-role.ts';

export interface SessionView {
  policy: SessionPolicy;
  localMode: boolean;
  credentialChain: boolean;
  /** The CSRF token the browser is to send (security/csrf.ts). */
  csrfToken: (req: Request, res: Response) => string;
}

export function describeSession(req: Request, res: Response, view: SessionView): SessionAnswer {
  const { policy } = view;
  const csrfToken = view.csrfToken(req, res);
  const auth = req.session.auth;
  const common = { csrfToken, localMode: view.localMode, credentialChain: view.credentialChain };
  if (!auth) return { signedIn: false as const, ...common, ...(res.locals.sessionExpired ? { sessionExpired: true as const } : {}) };
  const idleExpiresAt = (req.session.lastSeenAt ?? policy.clock()) + policy.idleMs;
  const expiresAt = Math.min(auth.signedInAt + policy.absoluteMs, auth.credentialsExpireAt);
  return {
    signedIn: true as const,
    ...common,
    ...switchView(req.session, auth, policy.clock()),
    mfaAuthenticated: auth.mfaAuthenticated,
    ...(auth.passwordResetRequired ? { passwordResetRequired: true as const } : {}),
    expiresAt: new Date(expiresAt).toISOString(),
    idleExpiresAt: new Date(Math.min(idleExpiresAt, expiresAt)).toISOString(),
  };
}
