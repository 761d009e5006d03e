// The real-world policies the console offers as starting points in its policy editor, each with where it is
// published: the deployment tools' policies and examples from the IAM User Guide. Zod-free: the SPA imports it.
import { DEPLOYMENT_TOOLS } from './deployment-tools.ts';
import { IAM_USER_GUIDE_EXAMPLES } from './tool-policies/iam-user-guide.ts';

export interface ExamplePolicy {
  id: string;
  name: string;
  group: 'Deployment tools' | 'IAM User Guide examples';
  /** Where the policy is published, as a person would cite it. */
  source: string;
  sourceUrl?: string;
  document: string;
}

const toolPolicies: ExamplePolicy[] = Object.values(DEPLOYMENT_TOOLS).flatMap((tool) => {
  const { policy } = tool;
  if (!policy) return [];
  const managed = policy.kind === 'aws-managed' ? ` (AWS managed ${policy.policyArn.split('/').pop()})` : '';
  return [{ id: `tool-${tool.id}`, name: `${tool.name}${managed}`, group: 'Deployment tools' as const, source: `${tool.name} documentation`, sourceUrl: policy.sourceUrl, document: policy.document }];
});

const guidePolicies: ExamplePolicy[] = IAM_USER_GUIDE_EXAMPLES.map((example) => ({
  id: example.id,
  name: example.name,
  group: 'IAM User Guide examples',
  source: `IAM User Guide, ${example.section}`,
  document: example.document,
}));

export const EXAMPLE_POLICIES: readonly ExamplePolicy[] = [...toolPolicies, ...guidePolicies];
