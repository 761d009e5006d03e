// /api/roles: IAM roles, trust policies and their permissions.
import type { Router } from 'express';
import * as contract from '@iam-console/api-contract/roles.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params } from '../http/validate.ts';
import * as roles from '../services/roles.ts';
import { principalPolicyRoutes } from './principal-routes.ts';

const owner = contract.roleParams;
const target = (req: { params: Record<string, unknown> }) => `role/${String(req.params.roleName)}`;

export function rolesRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (_req, res) => {
    res.json({ items: await roles.listRoles(awsFor(res).iam) });
  });
  router.post('/', audited('CreateRole', (req) => `role/${String((req.body as { roleName?: unknown })?.roleName ?? '')}`), async (req, res) => {
    const input = body(req, contract.createRoleRequest);
    res.status(201).json(await roles.createRole(awsFor(res).iam, input));
  });
  router.get('/:roleName', async (req, res) => {
    res.json(await roles.getRoleDetail(awsFor(res).iam, params(req, owner).roleName, res.locals.identity?.accountAlias));
  });
  router.patch('/:roleName', audited('UpdateRole', target), async (req, res) => {
    const { roleName: name } = params(req, owner);
    const change = body(req, contract.updateRoleRequest);
    res.json(await roles.updateRole(awsFor(res).iam, name, change));
  });
  router.put('/:roleName/trust-policy', audited('UpdateAssumeRolePolicy', target), async (req, res) => {
    const { roleName: name } = params(req, owner);
    const { document } = body(req, contract.trustPolicyRequest);
    await roles.updateTrustPolicy(awsFor(res).iam, name, document);
    res.status(204).end();
  });
  router.delete('/:roleName', audited('DeleteRole', target), async (req, res) => {
    await roles.deleteRole(awsFor(res).iam, params(req, owner).roleName);
    res.status(204).end();
  });

  principalPolicyRoutes(router, 'role', 'roleName', owner);
  return router;
}
