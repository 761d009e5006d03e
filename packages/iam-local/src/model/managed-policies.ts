// Managed policies: customer managed ones live in SQLite with up to 5 versions; AWS managed ones come from the
// read-only catalog and can be attached but never changed. Both are addressed by ARN.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { awsManagedPolicy, isAwsManagedArn } from './aws-managed-policies.ts';
import { awsManagedDescription } from './aws-managed-descriptions.ts';
import { entityArn, isoSeconds, newUniqueId } from './names.ts';
import { assertPolicyDocument, policySize } from './policy-document.ts';
import { bumpPolicyState } from './policy-state.ts';
import { dropTags, putTags, type Tag } from './tags.ts';
import { assertBelowQuota } from './account-quotas.ts';

export const MAX_POLICY_VERSIONS = 5;
export const MAX_MANAGED_POLICY_SIZE = 6144;

export interface ManagedPolicy {
  arn: string;
  id: string;
  name: string;
  path: string;
  description: string | null;
  createDate: string;
  updateDate: string;
  defaultVersionId: string;
  awsManaged: boolean;
}

export interface PolicyVersion {
  versionId: string;
  document: string;
  isDefault: boolean;
  createDate: string;
}

interface PolicyRow {
  id: string;
  arn: string;
  name: string;
  path: string;
  description: string | null;
  create_date: string;
  update_date: string;
  default_version: number;
  next_version: number;
}

const versionId = (n: number) => `v${n}`;

function fromRow(row: PolicyRow): ManagedPolicy {
  return {
    arn: row.arn,
    id: row.id,
    name: row.name,
    path: row.path,
    description: row.description,
    createDate: row.create_date,
    updateDate: row.update_date,
    defaultVersionId: versionId(row.default_version),
    awsManaged: false,
  };
}

function customerRow(db: Db, arn: string): PolicyRow | undefined {
  return prepared(db, 'SELECT * FROM iam_policies WHERE arn = ?').get(arn) as PolicyRow | undefined;
}

/** A customer or AWS managed policy by ARN, or undefined. */
export function findManagedPolicy(db: Db, arn: string): ManagedPolicy | undefined {
  const aws = awsManagedPolicy(arn);
  if (aws) {
    return { ...aws, description: awsManagedDescription(arn), awsManaged: true };
  }
  const row = customerRow(db, arn);
  return row ? fromRow(row) : undefined;
}

/** GetPolicy & co: NoSuchEntity "Policy <arn> was not found." */
export function requirePolicy(db: Db, arn: string): ManagedPolicy {
  const policy = findManagedPolicy(db, arn);
  if (!policy) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
  return policy;
}

/** Attach / boundary: NoSuchEntity "Policy <arn> does not exist or is not attachable." */
export function requireAttachablePolicy(db: Db, arn: string): ManagedPolicy {
  const policy = findManagedPolicy(db, arn);
  if (!policy) throw new IamError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

// What AWS answers anyone, the root user included, who deletes, versions or re-defaults a policy owned by AWS (as
// localstack's IAM provider words it).
const FOREIGN_POLICY_REFUSAL: Readonly<Record<string, string>> = {
  'iam:DeletePolicy': 'Cannot delete policies outside your own account.',
  'iam:CreatePolicyVersion': 'Cannot create versions for policies outside your own account.',
  'iam:DeletePolicyVersion': 'Cannot delete policy versions for policies outside your own account.',
  'iam:SetDefaultPolicyVersion': 'Cannot update policies outside your own account.',
};

/** A permissions boundary: NoSuchEntity "Scope ARN: <arn> does not exist or is not attachable." (AWS's recorded words). */
export function requireBoundaryPolicy(db: Db, arn: string): ManagedPolicy {
  const policy = findManagedPolicy(db, arn);
  if (!policy) throw new IamError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
  return policy;
}

/** The refusal AWS gives anyone who tries to change a policy owned by AWS. */
export function refuseAwsManagedChange(arn: string, action: string, callerArn: string): void {
  if (!isAwsManagedArn(arn)) return;
  const message = Object.hasOwn(FOREIGN_POLICY_REFUSAL, action)
    ? (FOREIGN_POLICY_REFUSAL[action] as string)
    : `User: ${callerArn} is not authorized to perform: ${action} on resource: policy ${arn} because no resource-based policy allows the ${action} action`;
  throw new IamError('AccessDenied', message);
}

function requireCustomerRow(db: Db, arn: string): PolicyRow {
  const row = customerRow(db, arn);
  if (!row) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
  return row;
}

function assertManagedDocument(document: string): void {
  assertPolicyDocument(document, 'managed');
  if (policySize(document) > MAX_MANAGED_POLICY_SIZE) {
    throw new IamError('LimitExceeded', `Cannot exceed quota for PolicySize: ${MAX_MANAGED_POLICY_SIZE}`);
  }
}

export interface NewPolicy {
  name: string;
  path: string;
  document: string;
  description?: string | undefined;
  tags?: readonly Tag[];
}

export function createPolicy(db: Db, accountId: string, input: NewPolicy, now: Date): ManagedPolicy {
  assertManagedDocument(input.document);
  const arn = entityArn(accountId, 'policy', input.path, input.name);
  const created = isoSeconds(now);
  const id = newUniqueId('policy');
  db.transaction(() => {
    const clash = prepared(db, 'SELECT name FROM iam_policies WHERE name = ?').pluck().get(input.name) as string | undefined;
    if (clash !== undefined) {
      throw new IamError('EntityAlreadyExists', `A policy called ${input.name} already exists. Duplicate names are not allowed.`);
    }
    assertBelowQuota(db, 'PoliciesQuota');
    prepared(db, 
      `INSERT INTO iam_policies (id, arn, name, path, description, create_date, update_date, default_version, next_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, 2)`,
    ).run(id, arn, input.name, input.path, input.description ?? null, created, created);
    prepared(db, 'INSERT INTO iam_policy_versions (policy_id, version, document, create_date) VALUES (?, 1, ?, ?)').run(id, input.document, created);
    putTags(db, 'policy', id, input.tags ?? []);
  })();
  return requirePolicy(db, arn);
}

/** Number of principals the policy is attached to (as a permissions policy). */
export function attachmentCount(db: Db, arn: string): number {
  return prepared(db, 'SELECT count(*) FROM iam_attachments WHERE policy_arn = ?').pluck().get(arn) as number;
}

/** Number of users and roles that use the policy as their permissions boundary. */
export function boundaryUsageCount(db: Db, arn: string): number {
  return prepared(db, 'SELECT (SELECT count(*) FROM iam_users WHERE boundary_arn = @arn) + (SELECT count(*) FROM iam_roles WHERE boundary_arn = @arn)')
    .pluck()
    .get({ arn }) as number;
}

export function deletePolicy(db: Db, arn: string, callerArn: string): void {
  refuseAwsManagedChange(arn, 'iam:DeletePolicy', callerArn);
  db.transaction(() => {
    const row = requireCustomerRow(db, arn);
    if (attachmentCount(db, arn) > 0 || boundaryUsageCount(db, arn) > 0) {
      throw new IamError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    }
    const versions = prepared(db, 'SELECT count(*) FROM iam_policy_versions WHERE policy_id = ?').pluck().get(row.id) as number;
    if (versions > 1) {
      throw new IamError(
        'DeleteConflict',
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    prepared(db, 'DELETE FROM iam_policy_versions WHERE policy_id = ?').run(row.id);
    prepared(db, 'DELETE FROM iam_policies WHERE id = ?').run(row.id);
    dropTags(db, 'policy', row.id);
  })();
}

function parseVersionId(id: string): number {
  const match = /^v([1-9]\d{0,8})$/.exec(id);
  if (!match) {
    throw new IamError('ValidationError', `1 validation error detected: Value '${id}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`);
  }
  return Number(match[1]);
}

function noSuchVersion(arn: string, id: string): IamError {
  return new IamError('NoSuchEntity', `Policy ${arn} version ${id} does not exist or is not attachable.`);
}

export function getPolicyVersion(db: Db, arn: string, id: string): PolicyVersion {
  const aws = awsManagedPolicy(arn);
  if (aws) {
    if (id !== aws.defaultVersionId) throw noSuchVersion(arn, id);
    return { versionId: id, document: aws.document, isDefault: true, createDate: aws.updateDate };
  }
  const row = requireCustomerRow(db, arn);
  const n = parseVersionId(id);
  const version = prepared(db, 'SELECT document, create_date FROM iam_policy_versions WHERE policy_id = ? AND version = ?').get(row.id, n) as
    | { document: string; create_date: string }
    | undefined;
  if (!version) throw noSuchVersion(arn, id);
  return { versionId: id, document: version.document, isDefault: n === row.default_version, createDate: version.create_date };
}

/** The default version's document (what is enforced). */
export function defaultPolicyDocument(db: Db, arn: string): string | undefined {
  const aws = awsManagedPolicy(arn);
  if (aws) return aws.document;
  return prepared(db, 'SELECT v.document FROM iam_policies p JOIN iam_policy_versions v ON v.policy_id = p.id AND v.version = p.default_version WHERE p.arn = ?')
    .pluck()
    .get(arn) as string | undefined;
}

/** Versions, newest first (as AWS lists them). */
export function listPolicyVersions(db: Db, arn: string): PolicyVersion[] {
  const aws = awsManagedPolicy(arn);
  if (aws) return [{ versionId: aws.defaultVersionId, document: aws.document, isDefault: true, createDate: aws.updateDate }];
  const row = requireCustomerRow(db, arn);
  const rows = prepared(db, 'SELECT version, document, create_date FROM iam_policy_versions WHERE policy_id = ? ORDER BY version DESC').all(row.id) as {
    version: number;
    document: string;
    create_date: string;
  }[];
  return rows.map((v) => ({ versionId: versionId(v.version), document: v.document, isDefault: v.version === row.default_version, createDate: v.create_date }));
}

export function createPolicyVersion(db: Db, arn: string, document: string, setAsDefault: boolean, now: Date, callerArn: string): PolicyVersion {
  refuseAwsManagedChange(arn, 'iam:CreatePolicyVersion', callerArn);
  assertManagedDocument(document);
  const created = isoSeconds(now);
  return db.transaction(() => {
    const row = requireCustomerRow(db, arn);
    const count = prepared(db, 'SELECT count(*) FROM iam_policy_versions WHERE policy_id = ?').pluck().get(row.id) as number;
    if (count >= MAX_POLICY_VERSIONS) {
      throw new IamError(
        'LimitExceeded',
        'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      );
    }
    const n = row.next_version;
    prepared(db, 'INSERT INTO iam_policy_versions (policy_id, version, document, create_date) VALUES (?, ?, ?, ?)').run(row.id, n, document, created);
    prepared(db, 'UPDATE iam_policies SET next_version = ?, update_date = ?, default_version = CASE WHEN ? THEN ? ELSE default_version END WHERE id = ?').run(
      n + 1,
      created,
      setAsDefault ? 1 : 0,
      n,
      row.id,
    );
    if (setAsDefault) bumpPolicyState(db);
    return { versionId: versionId(n), document, isDefault: setAsDefault, createDate: created };
  })();
}

export function deletePolicyVersion(db: Db, arn: string, id: string, callerArn: string): void {
  refuseAwsManagedChange(arn, 'iam:DeletePolicyVersion', callerArn);
  db.transaction(() => {
    const row = requireCustomerRow(db, arn);
    const n = parseVersionId(id);
    if (n === row.default_version) throw new IamError('DeleteConflict', 'Cannot delete the default version of a policy.');
    const result = prepared(db, 'DELETE FROM iam_policy_versions WHERE policy_id = ? AND version = ?').run(row.id, n);
    if (result.changes === 0) throw noSuchVersion(arn, id);
  })();
}

export function setDefaultPolicyVersion(db: Db, arn: string, id: string, now: Date, callerArn: string): void {
  refuseAwsManagedChange(arn, 'iam:SetDefaultPolicyVersion', callerArn);
  db.transaction(() => {
    const row = requireCustomerRow(db, arn);
    const n = parseVersionId(id);
    const exists = prepared(db, 'SELECT 1 FROM iam_policy_versions WHERE policy_id = ? AND version = ?').get(row.id, n);
    if (!exists) throw noSuchVersion(arn, id);
    prepared(db, 'UPDATE iam_policies SET default_version = ?, update_date = ? WHERE id = ?').run(n, isoSeconds(now), row.id);
    bumpPolicyState(db);
  })();
}

/** Internal id of a customer managed policy (for its tags), or undefined. */
export function customerPolicyId(db: Db, arn: string): string | undefined {
  return prepared(db, 'SELECT id FROM iam_policies WHERE arn = ?').pluck().get(arn) as string | undefined;
}

/** A customer managed policy's internal id, or NoSuchEntity "Policy <arn> was not found." */
export function requireCustomerPolicyId(db: Db, arn: string): string {
  const id = customerPolicyId(db, arn);
  if (id === undefined) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
  return id;
}
