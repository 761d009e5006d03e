// How a decision reads in the table: the IAM console simulator's words and a status.
import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { Decision } from '@iam-console/api-contract/policy-simulator.ts';

export const DECISION_LABELS: Record<Decision, string> = {
  allowed: 'Allowed',
  explicitDeny: 'Denied (explicit deny)',
  implicitDeny: 'Denied (implicit deny)',
};

export const DECISION_STATUS: Record<Decision, StatusIndicatorProps.Type> = {
  allowed: 'success',
  explicitDeny: 'error',
  implicitDeny: 'stopped',
};
