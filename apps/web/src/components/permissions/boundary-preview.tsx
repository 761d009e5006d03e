// The chosen boundary policy's default version, read-only in the policy editor, so what the boundary allows is
// seen before it is set.
import FormField from '@cloudscape-design/components/form-field';
import { useQuery } from '@tanstack/react-query';
import type { ManagedPolicyOption } from '../../lib/iam-types.ts';
import { policyVersionQueryOptions } from '../../lib/policy-queries.ts';
import { ErrorAlert } from '../error-alert.tsx';
import { Loading } from '../loading.tsx';
import { PolicyEditor } from '../policy-editor/index.tsx';

const ignore = () => undefined;

export function BoundaryPreview({ policy }: { policy: ManagedPolicyOption | undefined }) {
  const arn = policy?.arn ?? '';
  const versionId = policy?.defaultVersionId ?? '';
  const version = useQuery({ ...policyVersionQueryOptions(arn, versionId), enabled: Boolean(arn && versionId) });
  if (!policy || !versionId) return null;
  if (version.error) return <ErrorAlert error={version.error} header={`Could not read ${policy.policyName}`} />;
  if (!version.data) return <Loading label={`Loading ${policy.policyName}`} />;
  return (
    <FormField label={`${policy.policyName}, version ${versionId} (default)`} description="The most that identity-based policies can then grant." stretch>
      <PolicyEditor key={`${arn}:${versionId}`} value={version.data.document} onChange={ignore} documentKind={{ kind: 'identity' }} ariaLabel="Permissions boundary policy document" height={280} readOnly fileName={policy.policyName} />
    </FormField>
  );
}
