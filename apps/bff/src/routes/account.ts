// /api/account: summary, alias, password policy, security recommendations.
import { Router } from 'express';
import { z } from 'zod';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { body } from '../http/validate.ts';
import * as account from '../services/account.ts';

const alias = z.string().min(3).max(63).regex(/^[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]$/, 'An alias is 3–63 lower-case letters, digits and single hyphens, not at either end');

const passwordPolicy = z.object({
  MinimumPasswordLength: z.number().int().min(6).max(128).optional(),
  RequireSymbols: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireUppercaseCharacters: z.boolean().optional(),
  RequireLowercaseCharacters: z.boolean().optional(),
  AllowUsersToChangePassword: z.boolean().optional(),
  MaxPasswordAge: z.number().int().min(1).max(1095).optional(),
  PasswordReusePrevention: z.number().int().min(1).max(24).optional(),
  HardExpiry: z.boolean().optional(),
}); // unknown keys (e.g. the read-only ExpirePasswords echoed back) are dropped

export function accountRouter(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await account.accountOverview(awsFor(res).iam, res.locals.identity?.accountId ?? ''));
  });
  router.put('/alias', audited('CreateAccountAlias', (req) => String((req.body as { alias?: unknown })?.alias ?? '')), async (req, res) => {
    await account.setAlias(awsFor(res).iam, body(req, z.object({ alias })).alias);
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
    await account.putPasswordPolicy(awsFor(res).iam, body(req, passwordPolicy));
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
