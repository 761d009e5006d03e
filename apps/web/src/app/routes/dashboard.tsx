import { Dashboard } from '../../features/account/components/dashboard.tsx';

export default function DashboardRoute() {
  return <Dashboard />;
}
