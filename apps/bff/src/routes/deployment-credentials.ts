// /api/deployment-credentials: the Deployment credentials wizard's changes (a user with a key, or a role for another
// account, with the tool's policy) and its "Check credentials".
import type { Request, Response, Router } from 'express';
import * as contract from '@iam-console/api-contract/deployment-credentials.ts';
import { parseArn } from '@iam-console/api-contract/arn.ts';
import { audited } from '../audit/audit-middleware.ts';
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError } from '../http/api-error.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body } from '../http/validate.ts';
import type { CredentialCipher } from '../session/credential-cipher.ts';
import { deploymentKey, keepDeploymentKey } from '../session/deployment-keys.ts';
import { checkAccessKey, checkRole } from '../services/deployment-credentials/check.ts';
import { createDeploymentRole } from '../services/deployment-credentials/create-role.ts';
import { createDeploymentUser } from '../services/deployment-credentials/create-user.ts';

export interface DeploymentCredentialsRouterOptions {
  cipher: CredentialCipher;
  makeClients: AwsClientFactory;
}

/** Audit target before validation: the name the request gives, strings only. */
const named = (field: 'userName' | 'roleName' | 'accessKeyId' | 'roleArn') => (req: Request) => {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
};

const partitionOf = (res: Response) => parseArn(res.locals.identity?.arn ?? '')?.partition ?? 'aws';

export function deploymentCredentialsRouter(options: DeploymentCredentialsRouterOptions): Router {
  const { cipher, makeClients } = options;
  const router = resourceRouter();

  router.post('/users', audited('CreateDeploymentUser', named('userName')), async (req, res) => {
    const input = body(req, contract.createDeploymentUserRequest);
    const created = await createDeploymentUser(awsFor(res).iam, input);
    keepDeploymentKey(req.session, req.sessionID, cipher, created.accessKey);
    res.status(201).json(created);
  });

  router.post('/roles', audited('CreateDeploymentRole', named('roleName')), async (req, res) => {
    const input = body(req, contract.createDeploymentRoleRequest);
    res.status(201).json(await createDeploymentRole(awsFor(res).iam, { ...input, partition: partitionOf(res) }));
  });

  router.post('/check', audited('CheckDeploymentCredentials', (req) => named('accessKeyId')(req) || named('roleArn')(req)), async (req, res) => {
    const input = body(req, contract.checkDeploymentCredentialsRequest);
    if ('accessKeyId' in input) {
      const key = deploymentKey(req.session, req.sessionID, cipher, input.accessKeyId);
      if (!key) throw new ApiError(404, 'NotFound', `Access key ${input.accessKeyId} was not created in this session, so its secret is not here to check it. Check it where it is saved, for example with aws sts get-caller-identity.`);
      res.json(await checkAccessKey(makeClients, key));
      return;
    }
    res.json(await checkRole(awsFor(res).sts, makeClients, input));
  });

  return router;
}
