import { api } from './api-client.ts';
import { segment } from './path-segment.ts';
import type { PrincipalKind, Tag } from './iam-types.ts';

// Users, groups and roles share these sub-resources in the BFF; one set of requests serves all three.
const base = (kind: PrincipalKind, name: string) => `/${kind}/${segment(name)}`;

export const principalApi = {
  attachPolicy: (kind: PrincipalKind, name: string, policyArn: string) =>
    api.post(`${base(kind, name)}/attached-policies`, { policyArn }),
  detachPolicy: (kind: PrincipalKind, name: string, policyArn: string) =>
    api.delete(`${base(kind, name)}/attached-policies/${segment(policyArn)}`),
  deleteInlinePolicy: (kind: PrincipalKind, name: string, policyName: string) =>
    api.delete(`${base(kind, name)}/inline-policies/${segment(policyName)}`),
  /** Creates the inline policy or replaces its document (Put*Policy). */
  putInlinePolicy: (kind: PrincipalKind, name: string, policyName: string, document: string) =>
    api.put(`${base(kind, name)}/inline-policies/${segment(policyName)}`, { document }),
  putBoundary: (kind: Exclude<PrincipalKind, 'groups'>, name: string, policyArn: string) =>
    api.put(`${base(kind, name)}/permissions-boundary`, { policyArn }),
  deleteBoundary: (kind: Exclude<PrincipalKind, 'groups'>, name: string) =>
    api.delete(`${base(kind, name)}/permissions-boundary`),
  replaceTags: (kind: Exclude<PrincipalKind, 'groups'>, name: string, tags: Tag[]) =>
    api.put(`${base(kind, name)}/tags`, { tags }),
};
