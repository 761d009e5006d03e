// Switch role: the AWS console's link and colours, this console's own /switchrole link with the same query, and
// STS's limits on what a switch sends. Without zod: the SPA uses it at run time, the BFF builds links with it.
//
// The link is the one the IAM User Guide describes ("Providing information to the user", "Switching to a role
// (console)"): `https://signin.aws.amazon.com/switchrole?account=<id or alias>&roleName=<path/name>&displayName=…`.
// The AWS console also reads `color`, a hex value without `#`, and accepts only the colours its Switch Role page
// offers (AWS re:Post, "Switch role link query parameters").

export const AWS_SWITCH_ROLE_URL = 'https://signin.aws.amazon.com/switchrole';

/** This console's Switch role page; it reads the same query as the AWS console's. */
export const CONSOLE_SWITCH_ROLE_PATH = '/switchrole';

/** The five colours of the AWS console's Switch Role page, as its `color` parameter spells them. */
export const SWITCH_ROLE_COLORS = [
  { name: 'Red', hex: 'f2b0a9' },
  { name: 'Orange', hex: 'fbc8aa' },
  { name: 'Yellow', hex: 'efda95' },
  { name: 'Green', hex: 'b7ca9d' },
  { name: 'Blue', hex: '83d4e8' },
] as const;

export type SwitchRoleColor = (typeof SWITCH_ROLE_COLORS)[number]['hex'];

export const SWITCH_ROLE_COLOR_HEXES = SWITCH_ROLE_COLORS.map((c) => c.hex) as [SwitchRoleColor, ...SwitchRoleColor[]];

/** A colour as a link may carry it (`F2B0A9`, `#f2b0a9`, `red`), or undefined when it is none of the five. */
export function switchRoleColorOf(value: string | null | undefined): SwitchRoleColor | undefined {
  const text = (value ?? '').trim().replace(/^#/, '').toLowerCase();
  return SWITCH_ROLE_COLORS.find((c) => c.hex === text || c.name.toLowerCase() === text)?.hex;
}

export const switchRoleColorName = (hex: string | undefined): string | undefined => SWITCH_ROLE_COLORS.find((c) => c.hex === hex)?.name;

/** Where a switch goes and how the header shows it: what both links carry. */
export interface SwitchRoleTarget {
  /** The 12-digit account ID or the account alias. */
  account: string;
  /** The role's name after its path, without the leading slash: `division_abc/roleToDoX`. */
  roleName: string;
  displayName?: string | undefined;
  color?: string | undefined;
}

/** `/division/` + `roleToDoX` → `division/roleToDoX`, as the Switch Role page's "Role" field wants it. */
export function roleNameWithPath(path: string, name: string): string {
  return `${path.replace(/^\//, '')}${name}`;
}

/** The other way: `division/roleToDoX` → `{ path: '/division/', name: 'roleToDoX' }` (GetRole takes the name alone). */
export function splitRoleNameWithPath(roleName: string): { path: string; name: string } {
  const slash = roleName.lastIndexOf('/');
  return { path: `/${roleName.slice(0, slash + 1).replace(/^\//, '')}`, name: roleName.slice(slash + 1) };
}

function query(target: SwitchRoleTarget): string {
  const params = new URLSearchParams({ account: target.account, roleName: target.roleName });
  if (target.displayName) params.set('displayName', target.displayName);
  if (target.color) params.set('color', target.color);
  return params.toString();
}

/** The AWS console's switch-role link. */
export const awsSwitchRoleUrl = (target: SwitchRoleTarget): string => `${AWS_SWITCH_ROLE_URL}?${query(target)}`;

/** This console's link with the same query, at `origin` (`https://iam.example.com`). */
export const consoleSwitchRoleUrl = (origin: string, target: SwitchRoleTarget): string => `${origin}${CONSOLE_SWITCH_ROLE_PATH}?${query(target)}`;

/** What a switch-role link's query pre-fills: only the values a link may carry, each as it came (colour checked). */
export function readSwitchRoleQuery(search: string): Partial<SwitchRoleTarget> {
  const params = new URLSearchParams(search);
  const found: Partial<SwitchRoleTarget> = {};
  const account = params.get('account')?.trim();
  const roleName = params.get('roleName')?.trim();
  const displayName = params.get('displayName');
  const color = switchRoleColorOf(params.get('color'));
  if (account) found.account = account;
  if (roleName) found.roleName = roleName.replace(/^\//, '');
  if (displayName) found.displayName = displayName.slice(0, DISPLAY_NAME_MAX);
  if (color) found.color = color;
  return found;
}

// ---- what a switch may send (AWS STS API Reference, AssumeRole) ----------------------------------------------

/** The header text in place of the user name; the AWS console's field takes 64 characters. */
export const DISPLAY_NAME_MAX = 64;

/** AssumeRole DurationSeconds: 900 seconds up to the role's maximum session duration (at most 12 hours). */
export const ASSUME_ROLE_DURATION = { min: 900, max: 43_200, default: 3600 } as const;

/** "If you use role chaining, your session duration is limited to a maximum of one hour" (IAM User Guide). */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** AssumeRole ExternalId: 2-1224 characters of `[\w+=,.@:/-]`. */
export const EXTERNAL_ID = { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]+$/ } as const;

/**
 * The Switch Role page's "Role" field: the role name after its path (`division_abc/subdivision_efg/roleToDoX`),
 * path characters `!` to `~`, the name IAM's role-name characters, 1-64 of them.
 */
export const ROLE_NAME_WITH_PATH = /^(?:[\u0021-\u007E]*\/)?[\w+=,.@-]{1,64}$/;

/** "An account is its 12-digit ID or its alias." */
export const ACCOUNT_ID = /^\d{12}$/;
