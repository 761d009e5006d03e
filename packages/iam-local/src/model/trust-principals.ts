// The users and roles a role trust policy names as AWS principals. IAM resolves each user or role ARN of its own
// account when it saves the policy (it keeps the entity's unique id) and refuses one that does not exist; once such
// a user or role is deleted the policy shows its unique id instead, so one created again with the same name is not
// trusted, and a renamed user is shown by its new ARN (IAM User Guide, "IAM JSON policy elements: Principal").
// Another account's ARNs cannot be resolved here: they are accepted as far as IAM's grammar allows them.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { entityArn } from './names.ts';
import { parseSource, propertyValue, statementNodes } from '@iam-console/policy-engine/source/source-text.ts';
import { invalidPrincipalMessage } from '@iam-console/policy-engine/validate/iam-verdict.ts';

/**
 * The account id, or undefined before the account is created (model tests work on such databases). Read here, not
 * through account.ts, which depends on the credential modules that depend on users.
 */
function findAccountId(db: Db): string | undefined {
  return (prepared(db, 'SELECT account_id AS id FROM iam_account WHERE id = 1').get() as { id: string } | undefined)?.id;
}

/** A user or role ARN: account, entity type, path (begins and ends with "/") and name. */
const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(user|role)(\/(?:.*\/)?)([^/]+)$/;

interface PrincipalText {
  value: string;
  offset: number;
  length: number;
}

/** The strings of every statement's Principal.AWS, in document order, with where their JSON text stands. */
function awsPrincipals(document: string): PrincipalText[] {
  const found: PrincipalText[] = [];
  for (const statement of statementNodes(parseSource(document).tree)) {
    const aws = propertyValue(propertyValue(statement, 'Principal'), 'AWS');
    const items = aws?.type === 'array' ? (aws.children ?? []) : aws ? [aws] : [];
    for (const item of items) {
      if (item.type === 'string') found.push({ value: item.value as string, offset: item.offset, length: item.length });
    }
  }
  return found;
}

function entityExists(db: Db, type: 'user' | 'role', path: string, name: string): boolean {
  const table = type === 'user' ? 'iam_users' : 'iam_roles';
  return prepared(db, `SELECT 1 FROM ${table} WHERE name = ? AND path = ?`).get(name, path) !== undefined;
}

/**
 * Throws MalformedPolicyDocument `Invalid principal in policy: "AWS":"<arn>"` (AWS's recorded answer) for the
 * first user or role ARN of this account that names no existing user or role. Call it on a document IAM's
 * grammar accepts.
 */
export function assertTrustedPrincipalsExist(db: Db, document: string): void {
  const accountId = findAccountId(db);
  for (const { value } of awsPrincipals(document)) {
    const arn = ENTITY_ARN.exec(value);
    if (!arn || arn[1] !== accountId) continue;
    if (!entityExists(db, arn[2] as 'user' | 'role', arn[3]!, arn[4]!)) {
      throw new IamError('MalformedPolicyDocument', invalidPrincipalMessage('AWS', value));
    }
  }
}

type Entity = { type: 'user' | 'role'; path: string; name: string };

/** Replaces the entity's ARN by `replacement` wherever a trust policy names it as an AWS principal. */
function replacePrincipal(db: Db, entity: Entity, replacement: string): void {
  const accountId = findAccountId(db);
  if (accountId === undefined) return;
  const arn = entityArn(accountId, entity.type, entity.path, entity.name);
  const roles = prepared(db, 'SELECT id, assume_role_policy AS document FROM iam_roles WHERE instr(assume_role_policy, ?) > 0').all(arn) as { id: string; document: string }[];
  for (const role of roles) {
    const hits = awsPrincipals(role.document).filter((principal) => principal.value === arn);
    if (hits.length === 0) continue;
    let document = role.document;
    for (const hit of hits.reverse()) {
      document = document.slice(0, hit.offset) + JSON.stringify(replacement) + document.slice(hit.offset + hit.length);
    }
    prepared(db, 'UPDATE iam_roles SET assume_role_policy = ? WHERE id = ?').run(document, role.id);
  }
}

/** A user or role is being deleted: trust policies show its unique id from now on. */
export function forgetTrustedPrincipal(db: Db, entity: Entity & { id: string }): void {
  replacePrincipal(db, entity, entity.id);
}

/** A user was renamed or moved: trust policies show its new ARN (IAM keeps the unique id and shows its ARN). */
export function renameTrustedPrincipal(db: Db, from: Entity, to: Pick<Entity, 'path' | 'name'>): void {
  if (from.path !== to.path || from.name !== to.name) {
    const accountId = findAccountId(db);
    if (accountId !== undefined) replacePrincipal(db, from, entityArn(accountId, from.type, to.path, to.name));
  }
}
