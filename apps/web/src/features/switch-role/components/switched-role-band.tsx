import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { SwitchedRole } from '@iam-console/api-contract/session.ts';

/**
 * Under the navigation bar while a role is active: its display name in its colour, as the AWS console highlights it,
 * with the way back.
 */
export function SwitchedRoleBand({ role, onBack, busy }: { role: SwitchedRole; onBack: () => void; busy: boolean }) {
  const user = role.signedInAs.userName ?? role.signedInAs.arn;
  return (
    <div className="switched-role-band" style={role.color ? { backgroundColor: `#${role.color}` } : undefined} data-testid="switched-role-band">
      <Box variant="span" fontWeight="bold">
        {role.displayName}
      </Box>
      <Box variant="span">
        Role {role.roleName} @ {role.account}, until {new Date(role.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
      </Box>
      <Button variant="inline-link" onClick={onBack} loading={busy}>
        Back to {user}
      </Button>
    </div>
  );
}
