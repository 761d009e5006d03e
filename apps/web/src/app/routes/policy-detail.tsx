import { PolicyDetail } from '../../features/policies/components/policy-detail.tsx';
import { useNameParam } from '../../lib/path-segment.ts';

export default function PolicyDetailRoute() {
  const policyArn = useNameParam('policyArn');
  return <PolicyDetail key={policyArn} policyArn={policyArn} />;
}
