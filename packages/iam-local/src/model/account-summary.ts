// GetAccountSummary: entity counts from the live tables next to the account's quotas (the entity quotas as stored
// and enforced, account-quotas.ts; the rest IAM's defaults), with the keys real AWS returns in SummaryMap.
// Certificates and identity providers are not modelled: always 0.
import type { Db } from './db.ts';
import { ACCESS_KEYS_PER_PRINCIPAL } from './access-keys.ts';
import { entityQuotas } from './account-quotas.ts';

/** IAM's default quotas (UG "IAM and AWS STS quotas") other than the entity quotas. */
const QUOTAS = {
  ServerCertificatesQuota: 20,
  PolicyVersionsInUseQuota: 10000,
  VersionsPerPolicyQuota: 5,
  PolicySizeQuota: 6144,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  GroupsPerUserQuota: 10,
  SigningCertificatesPerUserQuota: 2,
  AccessKeysPerUserQuota: ACCESS_KEYS_PER_PRINCIPAL,
  GlobalEndpointTokenVersion: 1,
} as const;

export type AccountSummary = Record<string, number>;

const COUNTS_SQL = `
SELECT
  (SELECT count(*) FROM iam_users) AS Users,
  (SELECT count(*) FROM iam_groups) AS Groups,
  (SELECT count(*) FROM iam_roles) AS Roles,
  (SELECT count(*) FROM iam_instance_profiles) AS InstanceProfiles,
  (SELECT count(*) FROM iam_policies) AS Policies,
  (SELECT count(*) FROM iam_policy_versions) AS PolicyVersionsInUse,
  (SELECT count(*) FROM iam_mfa_devices) AS MFADevices,
  (SELECT count(*) FROM iam_mfa_devices WHERE assigned_to IS NOT NULL) AS MFADevicesInUse,
  EXISTS (SELECT 1 FROM iam_mfa_devices WHERE assigned_to = 'root') AS AccountMFAEnabled,
  EXISTS (SELECT 1 FROM iam_access_keys WHERE owner_user_id IS NULL) AS AccountAccessKeysPresent`;

/** The SummaryMap entries (name → number), in a stable order. */
export function getAccountSummary(db: Db): AccountSummary {
  const counts = db.prepare(COUNTS_SQL).get() as Record<string, number>;
  return {
    ...counts,
    AccountSigningCertificatesPresent: 0,
    ServerCertificates: 0,
    Providers: 0,
    ...entityQuotas(db),
    ...QUOTAS,
  };
}
