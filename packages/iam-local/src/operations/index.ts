// The one table of operations: Action → definition, merged from each area's record, so coverage is visible here.
import type { OperationTable } from '../protocol/operation.ts';
import { authorizationDetailsOperations } from './authorization-details.ts';
import { groupOperations } from './groups.ts';
import { policyOperations } from './policies.ts';
import { roleOperations } from './roles.ts';
import { instanceProfileOperations } from './instance-profiles.ts';
import { serviceLinkedRoleOperations } from './service-linked-roles.ts';
import { accessKeyOperations } from './access-keys.ts';
import { accountOperations } from './account.ts';
import { credentialReportOperations } from './credential-report.ts';
import { loginProfileOperations } from './login-profiles.ts';
import { mfaOperations } from './mfa.ts';
import { passwordPolicyOperations } from './password-policy.ts';
import { simulateOperations } from './simulate.ts';
import { stsOperations } from './sts.ts';
import { tagOperations } from './tags.ts';
import { userOperations } from './users.ts';

const areas: readonly OperationTable[] = [
  userOperations,
  groupOperations,
  roleOperations,
  instanceProfileOperations,
  serviceLinkedRoleOperations,
  policyOperations,
  tagOperations,
  authorizationDetailsOperations,
  accessKeyOperations,
  accountOperations,
  credentialReportOperations,
  loginProfileOperations,
  mfaOperations,
  passwordPolicyOperations,
  simulateOperations,
  stsOperations,
];

/** Merges the areas' tables; an action defined twice is a programming error caught at start-up. */
function merge(tables: readonly OperationTable[]): OperationTable {
  const merged: Record<string, OperationTable[string]> = {};
  for (const table of tables) {
    for (const [action, definition] of Object.entries(table)) {
      if (Object.hasOwn(merged, action)) throw new Error(`Operation ${action} is defined twice`);
      merged[action] = definition;
    }
  }
  return merged;
}

export const operations: OperationTable = merge(areas);
