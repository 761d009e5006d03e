import { PoliciesTable } from '../../features/policies/components/policies-table.tsx';

export default function PoliciesRoute() {
  return <PoliciesTable />;
}
