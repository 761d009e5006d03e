// /api/roles: IAM roles, trust policies and their permissions.
import type { Router } from 'express';
import { z } from 'zod';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params } from '../http/validate.ts';
import * as roles from '../services/roles.ts';
import { principalPolicyRoutes } from './principal-routes.ts';
import { iamPath, policyArn, policyDocument, roleName, tags } from './schemas.ts';

const owner = z.object({ roleName });
const target = (req: { params: Record<string, unknown> }) => `role/${String(req.params.roleName)}`;
const description = z.string().max(1000);
const maxSessionDuration = z.number().int().min(3600, 'At least 3600 seconds (1 hour)').max(43_200, 'At most 43200 seconds (12 hours)');

export function rolesRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (_req, res) => {
    res.json({ items: await roles.listRoles(awsFor(res).iam) });
  });
  router.post('/', audited('CreateRole', (req) => `role/${String((req.body as { roleName?: unknown })?.roleName ?? '')}`), async (req, res) => {
    const input = body(req, z.object({
      roleName,
      path: iamPath.optional(),
      description: description.optional(),
      assumeRolePolicyDocument: policyDocument,
      maxSessionDuration: maxSessionDuration.optional(),
      managedPolicyArns: z.array(policyArn).max(20).optional(),
      permissionsBoundaryArn: policyArn.optional(),
      tags: tags.optional(),
    }));
    res.status(201).json(await roles.createRole(awsFor(res).iam, input));
  });
  router.get('/:roleName', async (req, res) => {
    res.json(await roles.getRoleDetail(awsFor(res).iam, params(req, owner).roleName, res.locals.identity?.accountAlias));
  });
  router.patch('/:roleName', audited('UpdateRole', target), async (req, res) => {
    const { roleName: name } = params(req, owner);
    const change = body(req, z.object({ description: description.optional(), maxSessionDuration: maxSessionDuration.optional() })
      .refine((c) => c.description !== undefined || c.maxSessionDuration !== undefined, 'Give description or maxSessionDuration'));
    res.json(await roles.updateRole(awsFor(res).iam, name, change));
  });
  router.put('/:roleName/trust-policy', audited('UpdateAssumeRolePolicy', target), async (req, res) => {
    const { roleName: name } = params(req, owner);
    const { document } = body(req, z.object({ document: policyDocument }));
    await roles.updateTrustPolicy(awsFor(res).iam, name, document);
    res.status(204).end();
  });
  router.delete('/:roleName', audited('DeleteRole', target), async (req, res) => {
    await roles.deleteRole(awsFor(res).iam, params(req, owner).roleName);
    res.status(204).end();
  });

  principalPolicyRoutes(router, 'role', 'roleName', roleName);
  return router;
}
