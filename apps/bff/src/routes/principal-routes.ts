// Sub-routes users, groups and roles share: attached policies, inline policies, tags, boundary.
import type { Router } from 'express';
import type { z } from 'zod';
import * as contract from '@iam-console/api-contract/principals.ts';
import { audited } from '../audit/audit-middleware.ts';
import { awsFor } from '../http/locals.ts';
import { body, params } from '../http/validate.ts';
import {
  attachPolicy, attachedPolicies, deleteBoundary, deleteInlinePolicy, detachPolicy, inlinePolicies,
  listTags, putBoundary, putInlinePolicy, replaceTags,
} from '../services/principal-policies.ts';
import type { PrincipalKind, TaggableKind } from '../services/principal-policies.ts';

const Kind = { user: 'User', group: 'Group', role: 'Role' } as const;

/** `owner` validates the principal's path parameter `nameParam`. */
export function principalPolicyRoutes(router: Router, kind: PrincipalKind, nameParam: string, owner: z.ZodObject): void {
  const K = Kind[kind];
  const nameOf = (p: Record<string, unknown>) => String(p[nameParam]);
  const target = (req: { params: Record<string, unknown> }) => `${kind}/${nameOf(req.params)}`;

  router.get(`/:${nameParam}/attached-policies`, async (req, res) => {
    const name = nameOf(params(req, owner));
    res.json({ items: await attachedPolicies(awsFor(res).iam, kind, name) });
  });
  router.post(`/:${nameParam}/attached-policies`, audited(`Attach${K}Policy`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const { policyArn: arn } = body(req, contract.attachPolicyRequest);
    await attachPolicy(awsFor(res).iam, kind, name, arn);
    res.status(204).end();
  });
  router.delete(`/:${nameParam}/attached-policies/:policyArn`, audited(`Detach${K}Policy`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const p = params(req, contract.attachedPolicyParams);
    await detachPolicy(awsFor(res).iam, kind, name, p.policyArn);
    res.status(204).end();
  });

  router.get(`/:${nameParam}/inline-policies`, async (req, res) => {
    const name = nameOf(params(req, owner));
    res.json({ items: await inlinePolicies(awsFor(res).iam, kind, name) });
  });
  router.put(`/:${nameParam}/inline-policies/:policyName`, audited(`Put${K}Policy`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const p = params(req, contract.inlinePolicyParams);
    const { document } = body(req, contract.putInlinePolicyRequest);
    await putInlinePolicy(awsFor(res).iam, kind, name, p.policyName, document);
    res.status(204).end();
  });
  router.delete(`/:${nameParam}/inline-policies/:policyName`, audited(`Delete${K}Policy`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const p = params(req, contract.inlinePolicyParams);
    await deleteInlinePolicy(awsFor(res).iam, kind, name, p.policyName);
    res.status(204).end();
  });

  if (kind === 'group') return;
  const taggable: TaggableKind = kind;
  router.get(`/:${nameParam}/tags`, async (req, res) => {
    res.json({ items: await listTags(awsFor(res).iam, taggable, nameOf(params(req, owner))) });
  });
  router.put(`/:${nameParam}/tags`, audited(`Tag${K}`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const input = body(req, contract.replaceTagsRequest[taggable]);
    res.json({ items: await replaceTags(awsFor(res).iam, taggable, name, input.tags) });
  });
  router.put(`/:${nameParam}/permissions-boundary`, audited(`Put${K}PermissionsBoundary`, target), async (req, res) => {
    const name = nameOf(params(req, owner));
    const { policyArn: arn } = body(req, contract.attachPolicyRequest);
    await putBoundary(awsFor(res).iam, taggable, name, arn);
    res.status(204).end();
  });
  router.delete(`/:${nameParam}/permissions-boundary`, audited(`Delete${K}PermissionsBoundary`, target), async (req, res) => {
    await deleteBoundary(awsFor(res).iam, taggable, nameOf(params(req, owner)));
    res.status(204).end();
  });
}
