// GET /api/session/capabilities: which of the console's changes IAM would let the acting principal make.
import { Router } from 'express';
import { notSignedIn } from '../http/api-error.ts';
import { awsFor } from '../http/locals.ts';
import { actingIdentity } from '../session/switched-role.ts';
import { sessionCapabilities } from '../services/capabilities/decide.ts';

/** `clock`: the session clock, which the per-session answer's lifetime is counted on. */
export function capabilitiesRouter(clock: () => number): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const auth = req.session.auth;
    if (!auth) throw notSignedIn();
    const input = { caller: actingIdentity(auth), iam: awsFor(res).iam, mfaAuthenticated: auth.mfaAuthenticated };
    res.json(await sessionCapabilities(req.session, input, clock()));
  });
  return router;
}
