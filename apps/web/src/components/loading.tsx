import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Box textAlign="center" padding="xxl" color="text-status-inactive">
      <Spinner size="large" /> <span>{label}</span>
    </Box>
  );
}
