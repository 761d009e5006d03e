import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';

export default function AuditLogRoute() {
  return <AuditLogPage />;
}
