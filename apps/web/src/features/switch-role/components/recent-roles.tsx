import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RecentRole } from '../api/switch-role.ts';
import { ColorSwatch } from './color-swatch.tsx';

/** The last roles switched to ("Role history" of the AWS console's menu): one click switches again. */
export function RecentRoles({ roles, busy, onSwitch }: { roles: readonly RecentRole[]; busy: boolean; onSwitch: (role: RecentRole) => void }) {
  if (roles.length === 0) return null;
  return (
    <Container header={<Header variant="h2" description="The last five roles you switched to. Choose one to switch to it again.">Role history</Header>}>
      <SpaceBetween direction="horizontal" size="s">
        {roles.map((role) => (
          <Button key={role.roleArn} onClick={() => onSwitch(role)} disabled={busy} ariaLabel={`Switch to ${role.displayName} (${role.roleName} @ ${role.account})`} data-testid="recent-role">
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              {role.color ? <ColorSwatch color={role.color} label={role.displayName} /> : <Box variant="span">{role.displayName}</Box>}
              <Box variant="span" color="text-body-secondary" fontSize="body-s">
                {role.roleName} @ {role.account}
              </Box>
            </SpaceBetween>
          </Button>
        ))}
      </SpaceBetween>
    </Container>
  );
}
