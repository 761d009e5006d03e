import { PolicySimulatorPage } from '../../features/policy-simulator/components/policy-simulator-page.tsx';

export default function PolicySimulatorRoute() {
  return <PolicySimulatorPage />;
}
