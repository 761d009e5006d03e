// Whether one statement applies to one request, as a small integer so the hot path allocates nothing.
import { actionMatches, resourceApplies, type CompiledStatement } from './compile.ts';
import { firstFailingCondition } from './conditions.ts';
import type { RequestContext } from './context.ts';
import { excludedByNotPrincipal, matchPrincipal } from './principal.ts';

// Outcome codes of one statement: >= 0 applies (with how the principal matched), < 0 does not apply.
export const APPLIES = 0;
export const APPLIES_FOR_ROLE = 1;
export const APPLIES_FOR_ACCOUNT = 2;
export const MALFORMED = -1;
export const ACTION_MISMATCH = -2;
export const RESOURCE_MISMATCH = -3;
export const PRINCIPAL_MISMATCH = -4;
/** `CONDITION_FAILED - i`: condition i did not hold. */
export const CONDITION_FAILED = -10;

/** Whether a statement applies to the request, as an outcome code. */
export function statementOutcome(statement: CompiledStatement, context: RequestContext): number {
  if (statement.problem !== undefined) return MALFORMED;
  if (actionMatches(statement.actions, context.actionLower) === statement.notAction) return ACTION_MISMATCH;
  if (statement.resources && !resourceApplies(statement.resources, statement.notResource, context)) return RESOURCE_MISMATCH;
  let outcome = APPLIES;
  if (statement.principal) {
    if (statement.notPrincipal) {
      if (excludedByNotPrincipal(statement.principal, context, statement.effect)) return PRINCIPAL_MISMATCH;
    } else {
      const match = matchPrincipal(statement.principal, context);
      if (match === undefined) return PRINCIPAL_MISMATCH;
      outcome = match === 'role' ? APPLIES_FOR_ROLE : match === 'account' ? APPLIES_FOR_ACCOUNT : APPLIES;
    }
  }
  if (statement.conditions.length > 0) {
    const failing = firstFailingCondition(statement.conditions, context);
    if (failing >= 0) return CONDITION_FAILED - failing;
  }
  return outcome;
}

