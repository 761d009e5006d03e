import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { SectionState } from './section-state.ts';

/** Stands where a section's content would be when IAM refused it: locked until an MFA sign-in, or not allowed. */
export function SectionNotice({ state, what }: { state: SectionState; what: string }) {
  if (state.kind === 'open') return null;
  const action = state.action ?? 'this';
  return (
    <Box textAlign="center" color="inherit" data-testid={`section-${state.kind}`}>
      {state.kind === 'locked-until-mfa' ? (
        <Box color="text-status-inactive">
          <Icon name="lock-private" /> Locked until you sign in with MFA: IAM denies {action} while you are signed in without MFA.
        </Box>
      ) : (
        <StatusIndicator type="warning">You cannot see {what}: you lack {action}.</StatusIndicator>
      )}
      <Box variant="small" color="text-body-secondary">
        {state.message}
      </Box>
    </Box>
  );
}
