// /api/switch-role: "Switch role" and "Back to <user name>", the Switch role page's context and "Roles I can assume".
import { Router } from 'express';
import type { Request, Response } from 'express';
import * as contract from '@iam-console/api-contract/switch-role.ts';
import type { Session as SessionAnswer } from '@iam-console/api-contract/session.ts';
import { audited } from '../audit/audit-middleware.ts';
import { notSignedIn } from '../http/api-error.ts';
import { body } from '../http/validate.ts';
import type { SessionPolicy } from '../session/guard.ts';
import { ownClients, secondsLeft } from '../session/own-clients.ts';
import type { OwnClientsDeps } from '../session/own-clients.ts';
import type { RecentRolesStore } from '../session/recent-roles.ts';
import { leaveRole } from '../session/switched-role.ts';
import { assumableRoles } from '../services/switch-role/assumable.ts';
import { switchRoleContext } from '../services/switch-role/context.ts';
import { switchRole } from '../services/switch-role/switch.ts';

export interface SwitchRoleRouterOptions extends OwnClientsDeps {
  policy: SessionPolicy;
  recentRoles: RecentRolesStore;
  /** The session answer (GET /api/session) after the change. */
  describe: (req: Request, res: Response) => SessionAnswer;
}

/** The audit target before the body is validated: the role as the request names it, strings only. */
function requestedRole(req: Request): string {
  const b = req.body as { account?: unknown; roleName?: unknown } | undefined;
  return typeof b?.account === 'string' && typeof b.roleName === 'string' ? `${b.account}:role/${b.roleName}` : '';
}

export function switchRoleRouter(options: SwitchRoleRouterOptions): Router {
  const router = Router();
  const { policy, recentRoles } = options;
  const signedIn = (req: Request) => {
    const auth = req.session.auth;
    if (!auth) throw notSignedIn();
    return auth;
  };

  /** The signed-in principal as the read-only routes ask IAM about it, with its own credentials. */
  const principal = async (req: Request, res: Response) => {
    const auth = signedIn(req);
    return {
      caller: auth.identity,
      iam: ownClients(req, res, options).iam,
      mfaAuthenticated: auth.mfaAuthenticated,
      secondsLeft: secondsLeft(auth, policy),
      recent: await recentRoles.list(auth.identity.arn),
    };
  };

  router.get('/', async (req, res) => {
    res.json(await switchRoleContext(await principal(req, res)));
  });

  router.get('/roles', async (req, res) => {
    res.json(await assumableRoles(await principal(req, res)));
  });

  router.post('/', audited('SwitchRole', requestedRole), async (req, res) => {
    const auth = signedIn(req);
    // The principal that switches is who the audit log names, whichever role the session acted as before.
    res.locals.identity = auth.identity;
    const input = body(req, contract.switchRoleRequest);
    const switched = await switchRole(input, {
      caller: auth.identity,
      clients: ownClients(req, res, options),
      mfaAuthenticated: auth.mfaAuthenticated,
      secondsLeft: secondsLeft(auth, policy),
    });
    const now = policy.clock();
    leaveRole(req.session);
    auth.switchedRole = {
      identity: switched.identity,
      roleArn: switched.roleArn,
      account: switched.account,
      roleName: switched.roleName,
      displayName: switched.displayName,
      ...(switched.color ? { color: switched.color } : {}),
      // Sealed for this session id, as the sign-in's own credentials are.
      sealedCredentials: options.cipher.encrypt(switched.credentials, req.sessionID),
      // STS's expiry is on the wall clock; the session's checks run on the session clock.
      expiresAt: Date.parse(switched.credentials.expiration) - (Date.now() - now),
    };
    try {
      await recentRoles.record({
        principalArn: auth.identity.arn,
        roleArn: switched.roleArn,
        account: switched.account,
        accountId: switched.identity.accountId,
        roleName: switched.roleName,
        displayName: switched.displayName,
        color: switched.color,
        switchedAt: now,
      });
    } catch {
      // The list is a convenience: the switch has happened and stands without it.
    }
    res.json(options.describe(req, res));
  });

  router.delete('/', audited('SwitchBack', (req) => req.session.auth?.switchedRole?.roleArn ?? ''), (req, res) => {
    const auth = signedIn(req);
    res.locals.identity = auth.identity;
    leaveRole(req.session);
    res.json(options.describe(req, res));
  });

  return router;
}
