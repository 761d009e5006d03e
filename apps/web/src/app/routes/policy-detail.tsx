import { useParams } from 'react-router';
import { PolicyDetail } from '../../features/policies/components/policy-detail.tsx';

export default function PolicyDetailRoute() {
  const policyArn = useParams().policyArn ?? '';
  return <PolicyDetail key={policyArn} policyArn={policyArn} />;
}
