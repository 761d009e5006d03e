// validatePolicy: any text in, Access Analyzer-style findings out; never throws.
import { parseSource, scanSource, type ParsedSource } from '../source/source-text.ts';
import { checkActions } from './actions.ts';
import { checkConditionKeys } from './condition-keys.ts';
import { checkConditionValues } from './condition-values.ts';
import { createContext, type CheckContext } from './context.ts';
import { sortFindings, type Finding, type ValidateOptions } from './finding.ts';
import { checkGrammar } from './grammar.ts';
import type { PolicyModel } from './model.ts';
import { checkRedundancy } from './redundancy.ts';
import { checkResources } from './resources.ts';
import { checkSecurity } from './security.ts';
import { checkSize } from './size.ts';
import { checkPolicyVariables } from './variables.ts';

/** A broken document can have an error at every character; the first ones are what a person fixes first. */
const MAX_SYNTAX_FINDINGS = 20;

/**
 * Above this, a document is only scanned for JSON syntax and measured: it is more than ten times the largest
 * policy quota (AWS's own managed policies stay below it), and its tree alone could take longer than the
 * 100 ms validation budget for a megabyte of input.
 */
export const LARGE_DOCUMENT = 262_144;

const MODEL_CHECKS: readonly ((ctx: CheckContext, policy: PolicyModel) => void)[] = [
  checkPolicyVariables,
  checkConditionValues,
  checkActions,
  (ctx, policy) => policy.statements.forEach((statement) => checkResources(ctx, statement)),
  (ctx, policy) => policy.statements.forEach((statement) => checkConditionKeys(ctx, statement)),
  checkRedundancy,
  checkSecurity,
];

/** Runs one check; a bug in it becomes a finding instead of an exception, and the other checks still run. */
function guarded(ctx: CheckContext, run: () => void): void {
  try {
    run();
  } catch (error) {
    ctx.report('CHECK_FAILED', ctx.source.rangeAt(0, 0), `A validation check failed on this input (${error instanceof Error ? error.message : String(error)}); please report it.`);
  }
}

function validateParsed(source: ParsedSource, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const ctx = createContext(source, options, findings);
  for (const problem of source.syntaxProblems.slice(0, MAX_SYNTAX_FINDINGS)) ctx.report('JSON_SYNTAX_ERROR', problem.range, `${problem.message} (line ${problem.range.start.line + 1}, column ${problem.range.start.column + 1}).`);
  if (source.text.length > LARGE_DOCUMENT) {
    checkSize(ctx);
    ctx.report('DOCUMENT_TOO_LARGE', source.rangeAt(0, 1), `The document has ${source.text.length.toLocaleString('en-US')} characters, far more than any policy may have; only its JSON syntax and size were checked.`);
    return sortFindings(findings);
  }
  if (source.syntaxProblems.length > 0) return findings;
  const tree = source.tree;
  if (!tree) {
    ctx.report('JSON_SYNTAX_ERROR', source.rangeAt(0, 0), 'The policy is empty; a policy is a JSON object with Version and Statement.');
    return findings;
  }
  let policy: PolicyModel | undefined;
  guarded(ctx, () => {
    policy = checkGrammar(ctx, tree);
  });
  guarded(ctx, () => checkSize(ctx));
  if (policy) for (const check of MODEL_CHECKS) guarded(ctx, () => check(ctx, policy!));
  return sortFindings(findings);
}

/**
 * Validates a policy document of the given kind. Any input is accepted (non-JSON, huge, deeply nested, wrong
 * types): problems come back as findings, never as an exception. Pass a catalog to enable the checks that
 * need to know AWS's services, actions and condition keys.
 */
export function validatePolicy(text: string, options: ValidateOptions): Finding[] {
  try {
    const input = typeof text === 'string' ? text : String(text);
    return validateParsed(input.length > LARGE_DOCUMENT ? scanSource(input) : parseSource(input), options);
  } catch (error) {
    const empty = { line: 0, column: 0 };
    return [
      {
        findingType: 'WARNING',
        issueCode: 'CHECK_FAILED',
        message: `The validator failed on this input (${error instanceof Error ? error.message : String(error)}); please report it.`,
        range: { start: empty, end: empty, offset: 0, length: 0 },
      },
    ];
  }
}
