// /api/policy-simulator: simulate a user's or role's policies for many actions (SimulatePrincipalPolicy).
import { Router } from 'express';
import { simulationRequest } from '@iam-console/api-contract/policy-simulator.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { body } from '../http/validate.ts';
import { simulatePrincipal } from '../services/policy-simulator.ts';

export function policySimulatorRouter(): Router {
  const router = Router();
  router.post('/', audited('SimulatePrincipalPolicy', (req) => String((req.body as { principalArn?: unknown })?.principalArn ?? '')), async (req, res) => {
    res.json(await simulatePrincipal(awsFor(res).iam, body(req, simulationRequest)));
  });
  return router;
}
