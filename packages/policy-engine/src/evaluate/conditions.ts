// A statement's Condition block compiled once: operators × keys are ANDed, the values of one key are ORed
// (matched-none for negated operators), with `…IfExists`, `Null` and the `ForAllValues:`/`ForAnyValue:` set
// operators as UG "Condition operators" and "Creating a condition with multiple keys or values" describe.
import type { SourceRange } from '../source/source-text.ts';
import type { RequestContext } from './context.ts';
import { baseOperator, type BaseOperator } from './operators.ts';

type SetOperator = 'ForAllValues' | 'ForAnyValue';

export interface CompiledCondition {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** The key as written, e.g. `aws:PrincipalTag/team`. */
  key: string;
  keyLower: string;
  setOperator?: SetOperator;
  ifExists: boolean;
  /** `Null` has no base operator: it tests presence. */
  base?: BaseOperator;
  /** For `Null`: the expected "is absent" flags; else compiled policy values (undefined = invalid value). */
  values: readonly unknown[];
  /** The values as written, for explanations. */
  rawValues: readonly string[];
  /** Range of the `"key": values` pair in the policy text, when compiled from text. */
  range?: SourceRange;
}

export type CompileResult = { ok: true; conditions: CompiledCondition[] } | { ok: false; problem: string };

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parseOperatorName(name: string): { setOperator?: SetOperator; base: string; ifExists: boolean } {
  let rest = name;
  let setOperator: SetOperator | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else return { base: '', ifExists: false };
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.length > 8 && rest.toLowerCase().endsWith('ifexists');
  if (ifExists) rest = rest.slice(0, -8);
  return setOperator ? { setOperator, base: rest, ifExists } : { base: rest, ifExists };
}

/** Compiles a Condition element. A malformed block yields a problem; the statement then never matches. */
export function compileConditions(block: unknown, variablesEnabled: boolean): CompileResult {
  if (block === undefined) return { ok: true, conditions: [] };
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    return { ok: false, problem: 'Condition must be an object of operators.' };
  }
  const conditions: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    const parsed = parseOperatorName(operator);
    const isNull = parsed.base.toLowerCase() === 'null';
    const base = isNull ? undefined : baseOperator(parsed.base);
    if ((!isNull && !base) || (isNull && parsed.ifExists)) {
      return { ok: false, problem: `Unknown condition operator "${operator}".` };
    }
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      return { ok: false, problem: `Condition operator "${operator}" must map condition keys to values.` };
    }
    for (const [key, rawValue] of Object.entries(keys as Record<string, unknown>)) {
      const list = Array.isArray(rawValue) ? rawValue : [rawValue];
      const rawValues: string[] = [];
      for (const v of list) {
        const text = scalarText(v);
        if (text === undefined) return { ok: false, problem: `Condition "${operator}" "${key}" has a value that is not a string, number or boolean.` };
        rawValues.push(text);
      }
      if (rawValues.length === 0) return { ok: false, problem: `Condition "${operator}" "${key}" has no values.` };
      let values: unknown[];
      if (isNull) {
        values = rawValues.map((v) => (/^true$/i.test(v) ? true : /^false$/i.test(v) ? false : undefined));
        if (values.includes(undefined)) return { ok: false, problem: `Null condition "${key}" needs "true" or "false".` };
      } else {
        values = rawValues.map((v) => base!.family.compile(v, variablesEnabled));
        if (values.includes(undefined)) {
          return { ok: false, problem: `Condition "${operator}" "${key}" has a value that is not valid for ${base!.name}.` };
        }
      }
      const condition: CompiledCondition = {
        operator,
        key,
        keyLower: key.toLowerCase(),
        ifExists: parsed.ifExists,
        values,
        rawValues,
      };
      if (parsed.setOperator) condition.setOperator = parsed.setOperator;
      if (base) condition.base = base;
      conditions.push(condition);
    }
  }
  return { ok: true, conditions };
}

function anyPolicyValueMatches(condition: CompiledCondition, requestValue: string, context: RequestContext): boolean {
  const family = condition.base!.family;
  for (const v of condition.values) if (family.test(requestValue, v, context)) return true;
  return false;
}

/** One condition (one operator and key) against the request. */
export function conditionHolds(condition: CompiledCondition, context: RequestContext): boolean {
  const requestValues = context.get(condition.keyLower);
  const absent = requestValues === undefined || requestValues.length === 0;
  if (!condition.base) {
    for (const expectAbsent of condition.values) if (expectAbsent === absent) return true;
    return false;
  }
  const negated = condition.base.negated;
  if (absent) {
    if (condition.ifExists || condition.setOperator === 'ForAllValues') return true;
    if (condition.setOperator === 'ForAnyValue') return false;
    // A negated operator is "not equal" to a missing key (UG: "…and the right key is not present, the condition is true").
    return negated;
  }
  if (condition.setOperator === 'ForAllValues') {
    for (const r of requestValues) if (anyPolicyValueMatches(condition, r, context) === negated) return false;
    return true;
  }
  if (condition.setOperator === 'ForAnyValue') {
    for (const r of requestValues) if (anyPolicyValueMatches(condition, r, context) !== negated) return true;
    return false;
  }
  for (const r of requestValues) if (anyPolicyValueMatches(condition, r, context)) return !negated;
  return negated;
}

/** Index of the first condition that does not hold, or -1 when all hold. */
export function firstFailingCondition(conditions: readonly CompiledCondition[], context: RequestContext): number {
  for (let i = 0; i < conditions.length; i++) if (!conditionHolds(conditions[i]!, context)) return i;
  return -1;
}

/** A short sentence saying why a condition failed, for the simulator's "why". */
export function describeFailure(condition: CompiledCondition, context: RequestContext): string {
  const values = context.get(condition.keyLower);
  const expected = condition.rawValues.map((v) => JSON.stringify(v)).join(', ');
  const where = `condition ${condition.operator} ${condition.key}`;
  if (!condition.base) {
    return values === undefined || values.length === 0
      ? `${where}: the key is absent, the policy expects it present`
      : `${where}: the key is present, the policy expects it absent`;
  }
  if (values === undefined || values.length === 0) return `${where}: the key is not in the request`;
  const actual = values.map((v) => JSON.stringify(v)).join(', ');
  return condition.base.negated
    ? `${where}: request value ${actual} matches one of ${expected}`
    : `${where}: request value ${actual} matches none of ${expected}`;
}
