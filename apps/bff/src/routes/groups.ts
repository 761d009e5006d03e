// /api/groups: IAM user groups, their members and policies.
import type { Router } from 'express';
import * as contract from '@iam-console/api-contract/groups.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params, query } from '../http/validate.ts';
import * as groups from '../services/groups.ts';
import { addUserToGroup, removeUserFromGroup } from '../services/users.ts';
import { principalPolicyRoutes } from './principal-routes.ts';

const owner = contract.groupParams;
const target = (req: { params: Record<string, unknown> }) => `group/${String(req.params.groupName)}`;

export function groupsRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (req, res) => {
    const { memberCount } = query(req, contract.listGroupsQuery);
    res.json({ items: await groups.listGroups(awsFor(res).iam, memberCount === 'true') });
  });
  router.post('/', audited('CreateGroup', (req) => `group/${String((req.body as { groupName?: unknown })?.groupName ?? '')}`), async (req, res) => {
    const input = body(req, contract.createGroupRequest);
    res.status(201).json(await groups.createGroup(awsFor(res).iam, input));
  });
  router.get('/:groupName', async (req, res) => {
    res.json(await groups.getGroupDetail(awsFor(res).iam, params(req, owner).groupName));
  });
  router.patch('/:groupName', audited('UpdateGroup', target), async (req, res) => {
    const { groupName: name } = params(req, owner);
    const change = body(req, contract.updateGroupRequest);
    res.json(await groups.updateGroup(awsFor(res).iam, name, change));
  });
  router.delete('/:groupName', audited('DeleteGroup', target), async (req, res) => {
    await groups.deleteGroup(awsFor(res).iam, params(req, owner).groupName);
    res.status(204).end();
  });
  router.post('/:groupName/users', audited('AddUserToGroup', target), async (req, res) => {
    const { groupName: name } = params(req, owner);
    const input = body(req, contract.groupMemberRequest);
    await addUserToGroup(awsFor(res).iam, input.userName, name);
    res.status(204).end();
  });
  router.delete('/:groupName/users/:userName', audited('RemoveUserFromGroup', target), async (req, res) => {
    const p = params(req, contract.groupMemberParams);
    await removeUserFromGroup(awsFor(res).iam, p.userName, p.groupName);
    res.status(204).end();
  });

  principalPolicyRoutes(router, 'group', 'groupName', owner);
  return router;
}
