// The customer managed policies and role trust policies of the demo account, read from ./policies (copies of
// real-world policies, see policies/README.md). Placeholders in the guide's examples become this account's id
// or a partner account's id, so the documents are valid and mean what the guide meant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'policies');

/** An external partner account (the "Example Corp" of the guide's ExternalId example). */
export const PARTNER_ACCOUNT_ID = '444455556666';

export interface SeedPolicy {
  file: string;
  name: string;
  description: string;
}

/** Identity policies installed as customer managed policies (name as the guide or the tool names them). */
export const CUSTOMER_POLICIES: readonly SeedPolicy[] = [
  {
    file: 'guide-force-mfa-manage-own-credentials_L25105-25211.json',
    name: 'Force_MFA',
    description: 'This policy allows users to manage their own passwords and MFA devices but nothing else unless they authenticate with MFA.',
  },
  { file: 'guide-credential-report_L26770-26780.json', name: 'CredentialReportAccess', description: 'Generate and retrieve IAM credential reports.' },
  { file: 'guide-self-manage-mfa-BlockMostAccess_L27103-27176.json', name: 'SelfManageMFA', description: 'Allows IAM users to self-manage an MFA device.' },
  { file: 'guide-manage-own-credentials-no-mfa_L25292-25369.json', name: 'ManageOwnCredentialsNoMFA', description: 'Users manage their own credentials without MFA.' },
  { file: 'guide-change-own-password_L25515-25534.json', name: 'ChangeOwnPassword', description: 'Users change their own console password.' },
  { file: 'guide-create-own-access-keys_L5753-5768.json', name: 'CreateOwnAccessKeys', description: 'Users create their own access keys.' },
  { file: 'guide-rotate-own-access-keys_L5771-5789.json', name: 'ManageOwnAccessKeys', description: 'Users rotate their own access keys.' },
  { file: 'guide-rotate-own-credentials_L27183-27206.json', name: 'RotateOwnCredentials', description: 'Users rotate their own credentials.' },
  { file: 'guide-own-password-keys-ssh_L25579-25624.json', name: 'ManageOwnPasswordKeysSSH', description: 'Password, access keys and SSH keys of the user.' },
  { file: 'guide-mfa-own-device_L25438-25485.json', name: 'ManageOwnMFADevice', description: 'Users manage their own MFA device only.' },
  { file: 'guide-resync-own-mfa_L7353-7389.json', name: 'ResyncOwnMFA', description: 'Users resync their own MFA device.' },
  { file: 'guide-mfa-within-dates_L25226-25243.json', name: 'MFAWithinDates', description: 'MFA-authenticated access within a date window.' },
  { file: 'guide-permissions-boundary-example_L23500-23513.json', name: 'DeveloperBoundary', description: 'Permissions boundary: S3, CloudWatch and EC2 only.' },
  { file: 'guide-switchrole-Test-prefix_L15486-15493.json', name: 'AssumeTestRoles', description: 'Switch to any role whose name starts with Test.' },
  { file: 'guide-tutorial-allow-assume-UpdateApp_L2147-2156.json', name: 'AllowAssumeUpdateApp', description: 'Developers may switch to UpdateApp.' },
  { file: 'guide-tutorial-deny-assume-UpdateApp_L2181-2196.json', name: 'DenyAssumeUpdateApp', description: 'Testers may not switch to UpdateApp.' },
  { file: 'guide-tutorial-productionapp-rw_L2041-2067.json', name: 'ProductionApp-RW', description: 'Read/write access to the productionapp bucket.' },
  { file: 'sst-000-109-305.json', name: 'SSTDeploy', description: 'Least-privilege deployment policy published by SST.' },
  { file: 'amplify-002-9-89.json', name: 'AmplifyCLI', description: 'Policy for the Amplify CLI.' },
  { file: 'amplify-002-144-153-assumerole.json', name: 'AmplifyAssumeBizCorpRole', description: 'Amplify CLI: assume the cross-account role.' },
  { file: 'up-003-42-94.json', name: 'UpDeploy', description: 'Policy for the Up deployment tool.' },
];

/** Trust policies by role purpose. */
export const TRUST_POLICY_FILES = {
  externalId: 'guide-trust-externalid_L10528-10542.json',
  mfaAccountRoot: 'guide-trust-mfa-account-root_L13909-13919.json',
  mfaAccountB: 'guide-trust-mfa-accountB_L7817-7825.json',
  sessionNameIsUserName: 'guide-trust-rolesessionname-username_L71067-71080.json',
  sourceIdentity: 'guide-trust-sourceidentity_L71134-71150.json',
} as const;

/** The guide's placeholders and documentation account ids, replaced in every document. */
function fillPlaceholders(text: string, accountId: string): string {
  return text
    .replaceAll("Example Corp's AWS Account ID", `arn:aws:iam::${PARTNER_ACCOUNT_ID}:root`)
    .replaceAll('ACCOUNT-B-ID', accountId)
    .replaceAll('PRODUCTION-ACCOUNT-ID', accountId)
    .replaceAll('account-id', accountId)
    .replaceAll('<biz_corp_rol_arn>', `arn:aws:iam::${PARTNER_ACCOUNT_ID}:role/BizCorpDeploy`)
    .replaceAll('" arn:aws:iam::', '"arn:aws:iam::') // a stray space in the guide's SourceIdentity example
    .replaceAll(':user/AdminUser', ':user/admin')
    .replaceAll('111122223333', accountId)
    .replaceAll('123456789012', accountId);
}

/** A policy document from ./policies with placeholders filled, re-serialised compactly (as IAM stores it). */
export function seedPolicyDocument(file: string, accountId: string): string {
  const text = fillPlaceholders(readFileSync(join(DIR, file), 'utf8'), accountId);
  return JSON.stringify(JSON.parse(text));
}
