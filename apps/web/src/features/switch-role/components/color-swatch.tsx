import Box from '@cloudscape-design/components/box';
import { switchRoleColorName } from '@iam-console/api-contract/switch-role-links.ts';

/** A switch-role colour as the AWS console shows it: a small square of it beside its name. */
export function ColorSwatch({ color, label }: { color: string; label?: string | undefined }) {
  return (
    <span className="switch-role-swatch-label">
      <span className="switch-role-swatch" style={{ backgroundColor: `#${color}` }} aria-hidden="true" />
      <Box variant="span">{label ?? switchRoleColorName(color) ?? `#${color}`}</Box>
    </span>
  );
}
