// /api/policies: managed policies and their versions. ARNs in paths are URL-encoded.
import type { Router } from 'express';
import * as contract from '@iam-console/api-contract/policies.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params, query } from '../http/validate.ts';
import * as policies from '../services/policies.ts';

const owner = contract.policyParams;
const target = (req: { params: Record<string, unknown> }) => String(req.params.policyArn);

export function policiesRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (req, res) => {
    const q = query(req, contract.listPoliciesQuery);
    res.json({ items: await policies.listPolicies(awsFor(res).iam, q.scope, q.onlyAttached === 'true') });
  });
  router.post('/', audited('CreatePolicy', (req) => `policy/${String((req.body as { policyName?: unknown })?.policyName ?? '')}`), async (req, res) => {
    const input = body(req, contract.createPolicyRequest);
    res.status(201).json(await policies.createPolicy(awsFor(res).iam, input));
  });
  router.get('/:policyArn', async (req, res) => {
    res.json(await policies.getPolicyDetail(awsFor(res).iam, params(req, owner).policyArn));
  });
  router.delete('/:policyArn', audited('DeletePolicy', target), async (req, res) => {
    await policies.deletePolicy(awsFor(res).iam, params(req, owner).policyArn);
    res.status(204).end();
  });
  router.post('/:policyArn/versions', audited('CreatePolicyVersion', target), async (req, res) => {
    const { policyArn: arn } = params(req, owner);
    const input = body(req, contract.createPolicyVersionRequest);
    res.status(201).json(await policies.createPolicyVersion(awsFor(res).iam, arn, input.document, input.setAsDefault));
  });
  router.get('/:policyArn/versions/:versionId', async (req, res) => {
    const p = params(req, contract.policyVersionParams);
    res.json(await policies.getPolicyVersion(awsFor(res).iam, p.policyArn, p.versionId));
  });
  router.put('/:policyArn/default-version', audited('SetDefaultPolicyVersion', target), async (req, res) => {
    const { policyArn: arn } = params(req, owner);
    const input = body(req, contract.setDefaultVersionRequest);
    await policies.setDefaultVersion(awsFor(res).iam, arn, input.versionId);
    res.status(204).end();
  });
  router.delete('/:policyArn/versions/:versionId', audited('DeletePolicyVersion', target), async (req, res) => {
    const p = params(req, contract.policyVersionParams);
    await policies.deletePolicyVersion(awsFor(res).iam, p.policyArn, p.versionId);
    res.status(204).end();
  });
  return router;
}
