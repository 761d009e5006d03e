import { describe, expect, it } from 'vitest';
import { awsConfigProfiles, extendSwitchRolesConfig, profileName, type ExportedRole } from '../src/features/switch-role/components/export-config.ts';

const role = (roleName: string, changes: Partial<ExportedRole> = {}): ExportedRole => ({
  roleArn: `arn:aws:iam::123456789012:role/${roleName}`,
  accountId: '123456789012',
  roleName,
  requires: [],
  ...changes,
});

describe('exporting roles', () => {
  const roles = [
    role('DeveloperReadOnly', { displayName: 'Read only', color: 'b7ca9d' }),
    role('UpdateApp', { requires: ['mfa'] }),
    role('partners/PartnerAccess', { requires: ['externalId'] }),
  ];

  it('as ~/.aws/config profiles: role_arn, source_profile, the session name, mfa_serial and external_id where needed, region', () => {
    const text = awsConfigProfiles(roles, {
      sourceProfile: 'alice',
      region: 'eu-west-1',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/alice',
      roleSessionName: 'alice',
      externalIds: { 'arn:aws:iam::123456789012:role/partners/PartnerAccess': 'ext-4711' },
    });
    expect(text).toBe(`[profile Read-only]
role_arn = arn:aws:iam::123456789012:role/DeveloperReadOnly
source_profile = alice
role_session_name = alice
region = eu-west-1

[profile UpdateApp]
role_arn = arn:aws:iam::123456789012:role/UpdateApp
source_profile = alice
role_session_name = alice
mfa_serial = arn:aws:iam::123456789012:mfa/alice
region = eu-west-1

[profile PartnerAccess]
role_arn = arn:aws:iam::123456789012:role/partners/PartnerAccess
source_profile = alice
role_session_name = alice
external_id = ext-4711
region = eu-west-1
`);
  });

  it('as an AWS Extend Switch Roles configuration: aws_account_id, role_name with its path, color', () => {
    expect(extendSwitchRolesConfig(roles, {})).toBe(`[profile Read-only]
aws_account_id = 123456789012
role_name = DeveloperReadOnly
color = b7ca9d

[profile UpdateApp]
aws_account_id = 123456789012
role_name = UpdateApp

[profile PartnerAccess]
aws_account_id = 123456789012
role_name = partners/PartnerAccess
`);
  });

  it('names each profile once, in characters an INI section and a shell take', () => {
    expect(profileName(role('Admin', { displayName: 'Prod [admin]' }))).toBe('Prod-admin');
    const twice = awsConfigProfiles([role('Admin'), role('Admin', { roleArn: 'arn:aws:iam::210987654321:role/Admin', accountId: '210987654321' })], { sourceProfile: '' });
    expect(twice.match(/^\[profile .+\]$/gm)).toEqual(['[profile Admin]', '[profile Admin-210987654321]']);
    expect(twice).toContain('source_profile = default');
    expect(awsConfigProfiles([], { sourceProfile: 'x' })).toBe('');
  });
});
