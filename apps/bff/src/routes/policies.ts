// /api/policies: managed policies and their versions. ARNs in paths are URL-encoded.
import type { Router } from 'express';
import { z } from 'zod';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params, query } from '../http/validate.ts';
import * as policies from '../services/policies.ts';
import { iamPath, policyArn, policyDocument, policyName, tags } from './schemas.ts';

const owner = z.object({ policyArn });
const versionId = z.string().regex(/^v[1-9]\d*$/, 'A version id looks like v1, v2, …');
const target = (req: { params: Record<string, unknown> }) => String(req.params.policyArn);

export function policiesRouter(): Router {
  const router = resourceRouter();

  router.get('/', async (req, res) => {
    const q = query(req, z.object({ scope: z.enum(['All', 'Local', 'AWS']).default('All'), onlyAttached: z.enum(['true', 'false']).default('false') }));
    res.json({ items: await policies.listPolicies(awsFor(res).iam, q.scope, q.onlyAttached === 'true') });
  });
  router.post('/', audited('CreatePolicy', (req) => `policy/${String((req.body as { policyName?: unknown })?.policyName ?? '')}`), async (req, res) => {
    const input = body(req, z.object({ policyName, path: iamPath.optional(), description: z.string().max(1000).optional(), document: policyDocument, tags: tags.optional() }));
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
    const input = body(req, z.object({ document: policyDocument, setAsDefault: z.boolean().default(false) }));
    res.status(201).json(await policies.createPolicyVersion(awsFor(res).iam, arn, input.document, input.setAsDefault));
  });
  router.get('/:policyArn/versions/:versionId', async (req, res) => {
    const p = params(req, owner.extend({ versionId }));
    res.json(await policies.getPolicyVersion(awsFor(res).iam, p.policyArn, p.versionId));
  });
  router.put('/:policyArn/default-version', audited('SetDefaultPolicyVersion', target), async (req, res) => {
    const { policyArn: arn } = params(req, owner);
    const input = body(req, z.object({ versionId }));
    await policies.setDefaultVersion(awsFor(res).iam, arn, input.versionId);
    res.status(204).end();
  });
  router.delete('/:policyArn/versions/:versionId', audited('DeletePolicyVersion', target), async (req, res) => {
    const p = params(req, owner.extend({ versionId }));
    await policies.deletePolicyVersion(awsFor(res).iam, p.policyArn, p.versionId);
    res.status(204).end();
  });
  return router;
}
