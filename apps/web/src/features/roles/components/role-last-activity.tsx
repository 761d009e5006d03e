import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../components/error-alert.tsx';
import { formatAge } from '../../../components/format.ts';
import { roleForListQueryOptions, type RoleSummary } from '../api/roles.ts';

type LastUsed = RoleSummary['roleLastUsed'];

const describeLastUsed = (lastUsed: LastUsed) => (lastUsed?.lastUsedDate ? formatAge(lastUsed.lastUsedDate) : 'Never');

/**
 * A roles-list cell. The table renders cells for the rows of the visible page only, so only those roles'
 * details are fetched (a few at a time); the rest of the account is never asked about.
 */
export function RoleLastActivity({ role }: { role: RoleSummary }) {
  const listed = role.roleLastUsed?.lastUsedDate ? role.roleLastUsed : undefined;
  const detail = useQuery({
    ...roleForListQueryOptions(role.roleName),
    enabled: !listed,
    select: (data): LastUsed => data.role.roleLastUsed,
  });
  if (listed) return describeLastUsed(listed);
  if (detail.isPending) {
    return (
      <span title={`Loading the last activity of ${role.roleName}`} data-testid="last-activity-loading">
        <Spinner />
      </span>
    );
  }
  if (detail.error) {
    return (
      <Box color="text-status-inactive" display="inline">
        <span title={errorMessage(detail.error)}>Unknown</span>
      </Box>
    );
  }
  return describeLastUsed(detail.data);
}
