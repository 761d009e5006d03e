// /api/users: IAM users and their credentials, groups and policies.
import type { Router } from 'express';
import * as contract from '@iam-console/api-contract/users.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params } from '../http/validate.ts';
import * as users from '../services/users.ts';
import { principalPolicyRoutes } from './principal-routes.ts';

const owner = contract.userParams;
const target = (req: { params: Record<string, unknown> }) => `user/${String(req.params.userName)}`;

export function usersRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (_req, res) => {
    res.json({ items: await users.listUsers(awsFor(res).iam) });
  });
  router.post('/', audited('CreateUser', (req) => `user/${String((req.body as { userName?: unknown })?.userName ?? '')}`), async (req, res) => {
    const input = body(req, contract.createUserRequest);
    res.status(201).json(await users.createUser(awsFor(res).iam, input));
  });
  router.get('/:userName', async (req, res) => {
    res.json(await users.getUserDetail(awsFor(res).iam, params(req, owner).userName));
  });
  router.delete('/:userName', audited('DeleteUser', target), async (req, res) => {
    await users.deleteUser(awsFor(res).iam, params(req, owner).userName);
    res.status(204).end();
  });
  router.patch('/:userName', audited('UpdateUser', target), async (req, res) => {
    const { userName: name } = params(req, owner);
    const change = body(req, contract.updateUserRequest);
    res.json(await users.updateUser(awsFor(res).iam, name, change));
  });

  router.post('/:userName/groups', audited('AddUserToGroup', target), async (req, res) => {
    const { userName: name } = params(req, owner);
    const input = body(req, contract.groupMembershipRequest);
    await users.addUserToGroup(awsFor(res).iam, name, input.groupName);
    res.status(204).end();
  });
  router.delete('/:userName/groups/:groupName', audited('RemoveUserFromGroup', target), async (req, res) => {
    const p = params(req, contract.userGroupParams);
    await users.removeUserFromGroup(awsFor(res).iam, p.userName, p.groupName);
    res.status(204).end();
  });

  router.put('/:userName/login-profile', audited('PutLoginProfile', target), async (req, res) => {
    const { userName: name } = params(req, owner);
    const input = body(req, contract.loginProfileRequest);
    const { created } = await users.setLoginProfile(awsFor(res).iam, name, input.password, input.resetRequired);
    res.status(created ? 201 : 204).end();
  });
  router.delete('/:userName/login-profile', audited('DeleteLoginProfile', target), async (req, res) => {
    await users.deleteLoginProfile(awsFor(res).iam, params(req, owner).userName);
    res.status(204).end();
  });

  router.post('/:userName/access-keys', audited('CreateAccessKey', target), async (req, res) => {
    res.status(201).json(await users.createAccessKey(awsFor(res).iam, params(req, owner).userName));
  });
  router.patch('/:userName/access-keys/:accessKeyId', audited('UpdateAccessKey', target), async (req, res) => {
    const p = params(req, contract.accessKeyParams);
    const { status } = body(req, contract.updateAccessKeyRequest);
    await users.updateAccessKey(awsFor(res).iam, p.userName, p.accessKeyId, status);
    res.status(204).end();
  });
  router.delete('/:userName/access-keys/:accessKeyId', audited('DeleteAccessKey', target), async (req, res) => {
    const p = params(req, contract.accessKeyParams);
    await users.deleteAccessKey(awsFor(res).iam, p.userName, p.accessKeyId);
    res.status(204).end();
  });
  router.delete('/:userName/mfa-devices/:serialNumber', audited('DeactivateMFADevice', target), async (req, res) => {
    const p = params(req, contract.mfaDeviceParams);
    await users.deactivateMfaDevice(awsFor(res).iam, p.userName, p.serialNumber);
    res.status(204).end();
  });

  principalPolicyRoutes(router, 'user', 'userName', owner);
  return router;
}
