// Chosen roles as configuration text for the tools people switch roles with outside the console:
// - `~/.aws/config` profiles (AWS CLI / SDKs, "Use an IAM role in the AWS CLI"): `role_arn`, `source_profile`
//   (the profile holding the user's own keys), `mfa_serial` for roles that want MFA, `external_id`, `region`, and
//   `role_session_name`, the user's name as this console names its role sessions (some trust policies require it);
// - the AWS Extend Switch Roles browser extension's INI-like configuration (its README): `[profile name]` with
//   `aws_account_id`, `role_name`, optional `color` (hex without `#`) and `region`.
import { splitRoleNameWithPath } from '@iam-console/api-contract/switch-role-links.ts';

export interface ExportedRole {
  roleArn: string;
  accountId: string;
  /** With its path: `division_abc/roleToDoX`. */
  roleName: string;
  /** The header label it was used with, if any; else the role name. */
  displayName?: string | undefined;
  color?: string | undefined;
  requires: readonly ('mfa' | 'externalId')[];
}

export interface ExportOptions {
  /** The profile of the user's own access key. */
  sourceProfile: string;
  region?: string | undefined;
  /** The user's MFA device, for roles that require MFA. */
  mfaSerial?: string | undefined;
  /** The role session name (the user name). */
  roleSessionName?: string | undefined;
  /** External IDs by role ARN, for roles that require one. */
  externalIds?: Readonly<Record<string, string>>;
}

/** A profile name: INI section names end at `]`, and shells like plain names. */
export function profileName(role: ExportedRole): string {
  const label = role.displayName?.trim() || splitRoleNameWithPath(role.roleName).name || role.roleName;
  return label.replace(/[^\w.@+=,-]+/g, '-').replace(/^-+|-+$/g, '') || role.accountId;
}

/** The names the roles' sections get: unique (a second "Admin" becomes "Admin-123456789012"). */
function uniqueNames(roles: readonly ExportedRole[]): string[] {
  const seen = new Set<string>();
  return roles.map((role) => {
    let name = profileName(role);
    if (seen.has(name)) name = `${name}-${role.accountId}`;
    for (let n = 2; seen.has(name); n++) name = `${profileName(role)}-${n}`;
    seen.add(name);
    return name;
  });
}

/** One `[profile name]` section per role with its `key = value` lines (those with a value), as INI files have them. */
function sections(roles: readonly ExportedRole[], entries: (role: ExportedRole) => [string, string | undefined][]): string {
  const names = uniqueNames(roles);
  const text = roles.map((role, i) => [`[profile ${names[i]}]`, ...entries(role).flatMap(([key, value]) => (value ? [`${key} = ${value}`] : []))].join('\n'));
  return text.length ? `${text.join('\n\n')}\n` : '';
}

export function awsConfigProfiles(roles: readonly ExportedRole[], options: ExportOptions): string {
  return sections(roles, (role) => [
    ['role_arn', role.roleArn],
    ['source_profile', options.sourceProfile.trim() || 'default'],
    ['role_session_name', options.roleSessionName],
    ['mfa_serial', role.requires.includes('mfa') ? options.mfaSerial : undefined],
    ['external_id', role.requires.includes('externalId') ? options.externalIds?.[role.roleArn]?.trim() : undefined],
    ['region', options.region?.trim()],
  ]);
}

export function extendSwitchRolesConfig(roles: readonly ExportedRole[], options: Pick<ExportOptions, 'region'>): string {
  return sections(roles, (role) => [
    ['aws_account_id', role.accountId],
    ['role_name', role.roleName],
    ['color', role.color],
    ['region', options.region?.trim()],
  ]);
}
