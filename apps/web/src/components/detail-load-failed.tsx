import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { ErrorAlert } from './error-alert.tsx';

/** A detail page whose resource could not be read: its name as the title, IAM's reason, and Retry. */
export function DetailLoadFailed({ title, what, error, onRetry }: { title: string; what: string; error: unknown; onRetry: () => void }) {
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      <ErrorAlert error={error} header={`Could not load ${what}`} action={<Button onClick={onRetry}>Retry</Button>} />
    </ContentLayout>
  );
}
