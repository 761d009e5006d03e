import { CredentialReportPage } from '../../features/credential-report/components/credential-report-page.tsx';

export default function CredentialReportRoute() {
  return <CredentialReportPage />;
}
