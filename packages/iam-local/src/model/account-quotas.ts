// The account-wide entity quotas GetAccountSummary advertises, enforced on create. Each account keeps its own
// values (AWS raises them on request): a stored row overrides IAM's default, so `--seed scale --users N` can make
// room for N users and GetAccountSummary reports what is enforced.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';

/** SummaryMap key → IAM's default (UG "IAM and AWS STS quotas") and the name in AWS's LimitExceeded message. */
export const ENTITY_QUOTAS = {
  UsersQuota: { default: 5000, quotaName: 'UsersPerAccount', table: 'iam_users' },
  GroupsQuota: { default: 300, quotaName: 'GroupsPerAccount', table: 'iam_groups' },
  RolesQuota: { default: 1000, quotaName: 'RolesPerAccount', table: 'iam_roles' },
  PoliciesQuota: { default: 1500, quotaName: 'PoliciesPerAccount', table: 'iam_policies' },
  InstanceProfilesQuota: { default: 1000, quotaName: 'InstanceProfilesPerAccount', table: 'iam_instance_profiles' },
} as const;

export type EntityQuota = keyof typeof ENTITY_QUOTAS;

export function getQuota(db: Db, quota: EntityQuota): number {
  const stored = prepared(db, 'SELECT value FROM iam_account_quotas WHERE name = ?').pluck().get(quota) as number | undefined;
  return stored ?? ENTITY_QUOTAS[quota].default;
}

/** The entity quotas as stored (or default), keyed as in SummaryMap. */
export function entityQuotas(db: Db): Record<EntityQuota, number> {
  const quotas = {} as Record<EntityQuota, number>;
  for (const quota of Object.keys(ENTITY_QUOTAS) as EntityQuota[]) quotas[quota] = getQuota(db, quota);
  return quotas;
}

export function setQuota(db: Db, quota: EntityQuota, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${quota} must be a non-negative integer, got ${value}`);
  prepared(db, 'INSERT INTO iam_account_quotas (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(quota, value);
}

/** Throws LimitExceeded when the account already holds as many entities of this kind as its quota allows. */
export function assertBelowQuota(db: Db, quota: EntityQuota): void {
  const { table, quotaName } = ENTITY_QUOTAS[quota];
  const limit = getQuota(db, quota);
  const count = prepared(db, `SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (count >= limit) throw new IamError('LimitExceeded', `Cannot exceed quota for ${quotaName}: ${limit}`);
}
