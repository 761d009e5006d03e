// /api/session: who is signed in, demo identities (local mode), sign-in, sign-out, and sign-out of every session.
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { AwsClientFactory } from '../aws/clients.ts';
import { audited } from '../audit/audit-middleware.ts';
import { notFound, notSignedIn, sessionExpired } from '../http/api-error.ts';
import { body } from '../http/validate.ts';
import { csrfTokenFor } from '../security/csrf.ts';
import type { PreSignInTokens } from '../security/pre-sign-in-token.ts';
import { signInRateLimits } from '../security/rate-limits.ts';
import type { SignInLimits } from '../security/rate-limits.ts';
import type { Store } from 'express-rate-limit';
import type { CredentialCipher } from '../session/credential-cipher.ts';
import type { DemoIdentities } from '../session/demo-identities.ts';
import type { SessionPolicy } from '../session/guard.ts';
import type { SessionClients } from '../session/session-clients.ts';
import type { SessionCookie } from '../session/session-cookie.ts';
import { describeSession } from '../session/describe-session.ts';
import { signInToConsole } from '../services/console-sign-in.ts';
import type { PasswordSignIn } from '../services/password-sign-in.ts';
import { sessionMfaRequest } from '@iam-console/api-contract/me.ts';
import { signInRequest } from '@iam-console/api-contract/session.ts';
import { restoreAfterUpgrade, selfServiceCarryOver } from '../session/self-service-state.ts';
import { upgradeToMfaSession } from '../services/session-upgrade.ts';

export interface SessionRouterOptions {
  makeClients: AwsClientFactory;
  /** Sign-out drops the session's cached clients. */
  sessionClients: SessionClients;
  cipher: CredentialCipher;
  policy: SessionPolicy;
  demoIdentities: DemoIdentities | undefined;
  /** Local mode only: sign-in with an IAM user's password (services/password-sign-in.ts). */
  passwordSignIn?: PasswordSignIn | undefined;
  useCredentialChain: boolean;
  signInLimits: SignInLimits;
  rateLimitStore?: ((prefix: string) => Store) | undefined;
  /** Sign-out drops it; its name depends on whether it is Secure. */
  cookie: SessionCookie;
  /** Destroys every stored session signed in as this principal ARN; their ids. */
  endSessionsOf: (arn: string) => Promise<string[]>;
  /** The CSRF token of a browser not signed in, which has no stored session. */
  preSignIn: PreSignInTokens;
}

// An access key ID as IAM issues them (AKIA… long-term, ASIA… temporary; IAM API Reference, AccessKey: 16-128
// characters). The audit entry of a sign-in names the key only then: a secret key sent in the wrong field, or
// half a megabyte of anything, is not stored.
const AUDITABLE_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;

const USER_NAME = /^[\w+=,.@-]{1,64}$/;

/** The audit target of a sign-in, before its body is validated: only values that are what they claim. */
function signInTarget(req: Request, demoIdentities: DemoIdentities | undefined): string {
  const b = req.body as Record<string, unknown> | undefined;
  if (typeof b !== 'object' || b === null) return '';
  if ('accessKeyId' in b) return typeof b.accessKeyId === 'string' && AUDITABLE_KEY_ID.test(b.accessKeyId) ? b.accessKeyId : 'invalid';
  // The user a password sign-in names, never the password.
  if ('password' in b) return typeof b.userName === 'string' && USER_NAME.test(b.userName) ? `user:${b.userName}` : 'user:invalid';
  if ('demoIdentity' in b) return typeof b.demoIdentity === 'string' && demoIdentities?.get(b.demoIdentity) ? `demo:${b.demoIdentity}` : 'demo:invalid';
  return b.credentialChain === true ? 'credential-chain' : '';
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}

export function sessionRouter(options: SessionRouterOptions): Router {
  const router = Router();
  const { policy } = options;
  const localMode = options.demoIdentities !== undefined;

  const view = { policy, localMode, credentialChain: options.useCredentialChain, csrfToken: (rq: Request, rs: Response) => csrfTokenFor(rq, rs, options.preSignIn) };
  const describe = (req: Request, res: Response) => describeSession(req, res, view);

  router.get('/', (req, res) => {
    res.json(describe(req, res));
  });

  router.get('/demo-identities', (_req, res) => {
    if (!options.demoIdentities) throw notFound('Demo identities (local mode only)');
    res.json({ items: options.demoIdentities.list() });
  });

  router.post(
    '/',
    audited('SignIn', (req) => signInTarget(req, options.demoIdentities)),
    ...signInRateLimits(options.signInLimits, options.rateLimitStore),
    async (req, res) => {
      const input = body(req, signInRequest);
      const now = policy.clock();
      const { auth, credentials } = await signInToConsole(input, {
        makeClients: options.makeClients,
        demoIdentities: options.demoIdentities,
        passwordSignIn: options.passwordSignIn,
        useCredentialChain: options.useCredentialChain,
        absoluteMs: policy.absoluteMs,
        now,
      });
      options.sessionClients.forget(req.sessionID); // a previous sign-in's clients
      await regenerate(req); // a new session id at sign-in defeats session fixation
      // Sealed for the new session id: the credentials open in this session only.
      if (credentials) auth.sealedCredentials = options.cipher.encrypt(credentials, req.sessionID);
      req.session.auth = auth;
      req.session.lastSeenAt = now;
      res.locals.identity = auth.identity;
      res.json(describe(req, res));
    },
  );

  // A session signed in without MFA becomes an MFA session (services/session-upgrade.ts), under a new session id.
  router.post('/mfa', audited('GetSessionToken', (req) => req.session.auth?.identity.arn ?? ''), async (req, res) => {
    const now = policy.clock();
    const upgraded = await upgradeToMfaSession(req.session.auth, body(req, sessionMfaRequest), {
      makeClients: options.makeClients, cipher: options.cipher, sessionId: req.sessionID, now, absoluteMs: policy.absoluteMs,
    });
    const carried = selfServiceCarryOver(req.session);
    options.sessionClients.forget(req.sessionID);
    await regenerate(req);
    upgraded.auth.sealedCredentials = options.cipher.encrypt(upgraded.credentials, req.sessionID);
    req.session.auth = upgraded.auth;
    req.session.lastSeenAt = now;
    restoreAfterUpgrade(req.session, carried);
    res.json(describe(req, res));
  });

  router.delete('/', audited('SignOut', (req) => req.session.auth?.identity.arn ?? ''), async (req, res) => {
    const sessionId = req.sessionID;
    options.sessionClients.forget(sessionId);
    await destroy(req);
    // Again: a request of this session still in flight may have cached its clients meanwhile.
    options.sessionClients.forget(sessionId);
    options.cookie.clear(res);
    res.status(204).end();
  });

  // Every session of the signed-in principal (its other browsers, a session left open elsewhere, a stolen
  // cookie), this one included. Their ids stay ended: a request of theirs still in flight cannot save them again.
  router.post('/sign-out-everywhere', audited('SignOutEverywhere', (req) => req.session.auth?.identity.arn ?? ''), async (req, res) => {
    const arn = req.session.auth?.identity.arn;
    if (!arn) throw res.locals.sessionExpired ? sessionExpired() : notSignedIn();
    const ended = await options.endSessionsOf(arn);
    await destroy(req);
    for (const sessionId of [...ended, req.sessionID]) options.sessionClients.forget(sessionId);
    options.cookie.clear(res);
    res.status(204).end();
  });

  return router;
}
