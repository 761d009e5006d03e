// /api/account: summary, alias, password policy, security recommendations.
import { Router } from 'express';
import * as contract from '@iam-console/api-contract/account.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { body } from '../http/validate.ts';
import * as account from '../services/account.ts';

export function accountRouter(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await account.accountOverview(awsFor(res).iam, res.locals.identity?.accountId ?? ''));
  });
  router.put('/alias', audited('CreateAccountAlias', (req) => String((req.body as { alias?: unknown })?.alias ?? '')), async (req, res) => {
    await account.setAlias(awsFor(res).iam, body(req, contract.aliasRequest).alias);
    res.status(204).end();
  });
  router.delete('/alias', audited('DeleteAccountAlias', () => 'account'), async (_req, res) => {
    await account.deleteAlias(awsFor(res).iam);
    res.status(204).end();
  });
  router.get('/password-policy', async (_req, res) => {
    res.json(await account.getPasswordPolicy(awsFor(res).iam));
  });
  router.put('/password-policy', audited('UpdateAccountPasswordPolicy', () => 'account'), async (req, res) => {
    await account.putPasswordPolicy(awsFor(res).iam, body(req, contract.passwordPolicyRequest));
    res.json(await account.getPasswordPolicy(awsFor(res).iam));
  });
  router.delete('/password-policy', audited('DeleteAccountPasswordPolicy', () => 'account'), async (_req, res) => {
    await account.deletePasswordPolicy(awsFor(res).iam);
    res.status(204).end();
  });
  router.get('/security-recommendations', async (_req, res) => {
    res.json({ items: await account.securityRecommendations(awsFor(res).iam, Date.now()) });
  });
  return router;
}
