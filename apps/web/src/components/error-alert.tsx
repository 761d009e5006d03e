import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { isAccessDenied, isApiError } from '../lib/api-error.ts';

export interface ErrorAlertProps {
  error: unknown;
  /** What the person was trying to do, e.g. "Could not load users". */
  header?: string;
  /** The headline when IAM refused, naming what was refused ("You do not have permission to set …"). */
  deniedHeader?: string;
  action?: ReactNode;
  onDismiss?: () => void;
}

/** Short headline for an error: a refusal reads differently from a failure. */
export function errorHeadline(error: unknown, fallback: string): string {
  if (isAccessDenied(error)) return 'You do not have permission for this';
  return fallback;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The AWS error code and request id, in small print, so a person can quote them to an administrator. */
export function ErrorReference({ error }: { error: unknown }) {
  if (!isApiError(error)) return null;
  return (
    <Box variant="small" color="text-body-secondary" data-testid="error-reference">
      Error code: {error.code}
      {error.requestId ? ` · Request ID: ${error.requestId}` : ''}
    </Box>
  );
}

export function ErrorAlert({ error, header, deniedHeader, action, onDismiss }: ErrorAlertProps) {
  const details = isApiError(error) ? error.details : [];
  return (
    <Alert
      type="error"
      header={deniedHeader && isAccessDenied(error) ? deniedHeader : errorHeadline(error, header ?? 'Something went wrong')}
      action={action}
      dismissible={Boolean(onDismiss)}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="xxs">
        <Box>{errorMessage(error)}</Box>
        {details.length > 0 && (
          <ul>
            {details.map((detail) => (
              <li key={`${detail.path}:${detail.message}`}>
                {detail.path ? <code>{detail.path}</code> : null} {detail.message}
              </li>
            ))}
          </ul>
        )}
        <ErrorReference error={error} />
      </SpaceBetween>
    </Alert>
  );
}
