// /api/groups: IAM user groups, their members and policies.
import type { Router } from 'express';
import { z } from 'zod';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params, query } from '../http/validate.ts';
import * as groups from '../services/groups.ts';
import { addUserToGroup, removeUserFromGroup } from '../services/users.ts';
import { principalPolicyRoutes } from './principal-routes.ts';
import { groupName, iamPath, policyArn, userName } from './schemas.ts';

const owner = z.object({ groupName });
const target = (req: { params: Record<string, unknown> }) => `group/${String(req.params.groupName)}`;

export function groupsRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (req, res) => {
    const { memberCount } = query(req, z.object({ memberCount: z.enum(['true', 'false']).default('true') }));
    res.json({ items: await groups.listGroups(awsFor(res).iam, memberCount === 'true') });
  });
  router.post('/', audited('CreateGroup', (req) => `group/${String((req.body as { groupName?: unknown })?.groupName ?? '')}`), async (req, res) => {
    const input = body(req, z.object({
      groupName,
      path: iamPath.optional(),
      managedPolicyArns: z.array(policyArn).max(20).optional(),
      users: z.array(userName).max(1000).optional(),
    }));
    res.status(201).json(await groups.createGroup(awsFor(res).iam, input));
  });
  router.get('/:groupName', async (req, res) => {
    res.json(await groups.getGroupDetail(awsFor(res).iam, params(req, owner).groupName));
  });
  router.patch('/:groupName', audited('UpdateGroup', target), async (req, res) => {
    const { groupName: name } = params(req, owner);
    const change = body(req, z.object({ newGroupName: groupName.optional(), newPath: iamPath.optional() }).refine((c) => c.newGroupName || c.newPath, 'Give newGroupName or newPath'));
    res.json(await groups.updateGroup(awsFor(res).iam, name, change));
  });
  router.delete('/:groupName', audited('DeleteGroup', target), async (req, res) => {
    await groups.deleteGroup(awsFor(res).iam, params(req, owner).groupName);
    res.status(204).end();
  });
  router.post('/:groupName/users', audited('AddUserToGroup', target), async (req, res) => {
    const { groupName: name } = params(req, owner);
    const input = body(req, z.object({ userName }));
    await addUserToGroup(awsFor(res).iam, input.userName, name);
    res.status(204).end();
  });
  router.delete('/:groupName/users/:userName', audited('RemoveUserFromGroup', target), async (req, res) => {
    const p = params(req, owner.extend({ userName }));
    await removeUserFromGroup(awsFor(res).iam, p.userName, p.groupName);
    res.status(204).end();
  });

  principalPolicyRoutes(router, 'group', 'groupName', groupName);
  return router;
}
