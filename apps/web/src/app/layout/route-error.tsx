import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** What a page shows instead of a blank screen when it throws while rendering or its code fails to load. */
export function RouteError() {
  const error = useRouteError();
  // After a new deployment an open tab may ask for page chunks that no longer exist: a reload fixes it.
  const chunkMissing = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <Box padding="xl">
      <SpaceBetween size="m">
        <ErrorAlert
          error={shown}
          header={chunkMissing ? 'The console was updated' : 'This page failed to display'}
          action={<Button onClick={() => window.location.reload()}>Reload</Button>}
        />
        {chunkMissing ? <Box>Reload the page to get the current version of the console.</Box> : null}
      </SpaceBetween>
    </Box>
  );
}
