// Which managed policies exist and where they are used: ListPolicies, ListEntitiesForPolicy and the counts
// AttachmentCount / PermissionsBoundaryUsageCount, computed from attachments and boundaries in a couple of
// grouped queries rather than per policy.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { allAwsManagedPolicies } from './aws-managed-policies.ts';
import { findManagedPolicy, type ManagedPolicy } from './managed-policies.ts';
import type { PrincipalType } from './names.ts';

export type PolicyScope = 'All' | 'AWS' | 'Local';
export type PolicyUsage = 'PermissionsPolicy' | 'PermissionsBoundary';

export interface PolicyWithCounts {
  policy: ManagedPolicy;
  attachments: number;
  boundaries: number;
}

function countsBy(db: Db, sql: string): Map<string, number> {
  const rows = prepared(db, sql).all() as { arn: string; n: number }[];
  return new Map(rows.map((row) => [row.arn, row.n]));
}

function customerPolicies(db: Db): ManagedPolicy[] {
  const arns = prepared(db, 'SELECT arn FROM iam_policies ORDER BY name').pluck().all() as string[];
  return arns.map((arn) => findManagedPolicy(db, arn) as ManagedPolicy);
}

export interface PolicyListFilter {
  scope?: PolicyScope | undefined;
  onlyAttached?: boolean | undefined;
  pathPrefix?: string | undefined;
  usage?: PolicyUsage | undefined;
}

/** Managed policies matching the filter, customer managed first then AWS managed, each by name. */
export function listManagedPolicies(db: Db, filter: PolicyListFilter): PolicyWithCounts[] {
  const attachments = countsBy(db, 'SELECT policy_arn AS arn, count(*) AS n FROM iam_attachments GROUP BY policy_arn');
  const boundaries = countsBy(
    db,
    `SELECT arn, count(*) AS n FROM (
       SELECT boundary_arn AS arn FROM iam_users WHERE boundary_arn IS NOT NULL
       UNION ALL SELECT boundary_arn AS arn FROM iam_roles WHERE boundary_arn IS NOT NULL) GROUP BY arn`,
  );
  const scope = filter.scope ?? 'All';
  const candidates: ManagedPolicy[] = [];
  if (scope !== 'AWS') candidates.push(...customerPolicies(db));
  if (scope !== 'Local') candidates.push(...allAwsManagedPolicies().map((p) => ({ ...p, description: null, awsManaged: true })));
  const prefix = filter.pathPrefix ?? '/';
  const result: PolicyWithCounts[] = [];
  for (const policy of candidates) {
    if (!policy.path.startsWith(prefix)) continue;
    const counts = { policy, attachments: attachments.get(policy.arn) ?? 0, boundaries: boundaries.get(policy.arn) ?? 0 };
    if (filter.onlyAttached) {
      const used =
        filter.usage === 'PermissionsPolicy'
          ? counts.attachments > 0
          : filter.usage === 'PermissionsBoundary'
            ? counts.boundaries > 0
            : counts.attachments + counts.boundaries > 0;
      if (!used) continue;
    }
    result.push(counts);
  }
  return result;
}

export interface PolicyEntity {
  type: PrincipalType;
  id: string;
  name: string;
  path: string;
}

const TABLE: Readonly<Record<PrincipalType, string>> = { user: 'iam_users', group: 'iam_groups', role: 'iam_roles' };

/** Users, groups and roles using a policy, as a permissions policy and/or as a boundary, ordered by type and name. */
export function entitiesForPolicy(db: Db, arn: string, types: readonly PrincipalType[], usage?: PolicyUsage): PolicyEntity[] {
  const entities: PolicyEntity[] = [];
  for (const type of types) {
    const seen = new Set<string>();
    const add = (rows: PolicyEntity[]) => {
      for (const row of rows) if (!seen.has(row.id)) (seen.add(row.id), entities.push(row));
    };
    if (usage !== 'PermissionsBoundary') {
      add(
        prepared(db, 
            `SELECT ? AS type, e.id, e.name, e.path FROM iam_attachments a JOIN ${TABLE[type]} e ON e.id = a.principal_id
             WHERE a.principal_type = ? AND a.policy_arn = ? ORDER BY e.name`,
          )
          .all(type, type, arn) as PolicyEntity[],
      );
    }
    if (usage !== 'PermissionsPolicy' && type !== 'group') {
      add(prepared(db, `SELECT ? AS type, id, name, path FROM ${TABLE[type]} WHERE boundary_arn = ? ORDER BY name`).all(type, arn) as PolicyEntity[]);
    }
  }
  return entities;
}
