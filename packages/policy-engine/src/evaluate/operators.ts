// The base condition operators of UG "IAM JSON policy elements: Condition operators", each as a family that
// compiles a policy value once and tests one request value against it. Negated operators (StringNotEquals…)
// are the positive test inverted by the caller, so "multiple values = OR" becomes "matches none" for them.
import type { RequestContext } from './context.ts';
import { cidrContains, parseCidr, parseIp, type CidrBlock } from './ip.ts';
import { compileWildPattern, wildPatternMatches, type WildPattern } from './pattern.ts';
import { parseTemplate, resolveString, type Template } from './variables.ts';

interface Family<V> {
  /** Compiles one policy value; undefined when it is not a valid value for the operator. */
  compile(raw: string, variablesEnabled: boolean): V | undefined;
  /** The positive test of one request value against one policy value. */
  test(requestValue: string, policyValue: V, context: RequestContext): boolean;
}

export interface BaseOperator {
  name: string;
  negated: boolean;
  family: Family<unknown>;
}

const stringEquals: Family<Template> = {
  compile: (raw, vars) => parseTemplate(raw, vars),
  test: (r, t, ctx) => resolveString(t, ctx) === r,
};

const stringEqualsIgnoreCase: Family<Template> = {
  compile: (raw, vars) => parseTemplate(raw, vars),
  test: (r, t, ctx) => resolveString(t, ctx)?.toLowerCase() === r.toLowerCase(),
};

function wildcard(arn: boolean): Family<WildPattern> {
  return {
    compile: (raw, vars) => compileWildPattern(raw, vars, arn),
    test: (r, pattern, ctx) => wildPatternMatches(pattern, r, ctx),
  };
}

const stringLike = wildcard(false);
const arnLike = wildcard(true);

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function numeric(compare: (request: number, policy: number) => boolean): Family<number> {
  return {
    compile: (raw) => parseNumber(raw),
    test(r, p) {
      const n = parseNumber(r);
      return n !== undefined && compare(n, p);
    },
  };
}

const EPOCH = /^\s*-?\d+(\.\d+)?\s*$/;

/** ISO 8601 (W3C profiles) or epoch seconds, as milliseconds since the epoch. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) {
    const seconds = Number(text);
    // Epoch values with 13+ digits are milliseconds (aws:EpochTime is seconds, but callers pass both).
    return Math.abs(seconds) >= 1e12 ? seconds : seconds * 1000;
  }
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[Tt](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([Zz]|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  // A time without zone is UTC (not the local time Date.parse would assume).
  const zone = m[3] === undefined ? 'Z' : m[3].toUpperCase() === 'Z' ? 'Z' : m[3].includes(':') ? m[3] : `${m[3].slice(0, 3)}:${m[3].slice(3)}`;
  const ms = Date.parse(m[2] === undefined ? m[1]! : `${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

function date(compare: (request: number, policy: number) => boolean): Family<number> {
  return {
    compile: (raw) => parseDate(raw),
    test(r, p) {
      const ms = parseDate(r);
      return ms !== undefined && compare(ms, p);
    },
  };
}

const bool: Family<Template> = {
  compile(raw, vars) {
    const template = parseTemplate(raw, vars);
    if (!template.hasVariables && !/^(true|false)$/i.test(raw)) return undefined;
    return template;
  },
  test: (r, t, ctx) => resolveString(t, ctx)?.toLowerCase() === r.toLowerCase(),
};

/** Base64 compared after decoding, so padding/line differences do not matter. */
function decodeBase64(text: string): string | undefined {
  try {
    return atob(text.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
}

const binary: Family<string> = {
  compile: (raw) => decodeBase64(raw),
  test: (r, p) => decodeBase64(r) === p,
};

const ip: Family<CidrBlock> = {
  compile: (raw) => parseCidr(raw),
  test(r, block) {
    const address = parseIp(r);
    return address !== undefined && cidrContains(block, address);
  },
};

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

function op<V>(name: string, negated: boolean, family: Family<V>): BaseOperator {
  return { name, negated, family: family as unknown as Family<unknown> };
}

const OPERATORS: readonly BaseOperator[] = [
  op('StringEquals', false, stringEquals),
  op('StringNotEquals', true, stringEquals),
  op('StringEqualsIgnoreCase', false, stringEqualsIgnoreCase),
  op('StringNotEqualsIgnoreCase', true, stringEqualsIgnoreCase),
  op('StringLike', false, stringLike),
  op('StringNotLike', true, stringLike),
  op('NumericEquals', false, numeric(eq)),
  op('NumericNotEquals', true, numeric(eq)),
  op('NumericLessThan', false, numeric(lt)),
  op('NumericLessThanEquals', false, numeric(le)),
  op('NumericGreaterThan', false, numeric(gt)),
  op('NumericGreaterThanEquals', false, numeric(ge)),
  op('DateEquals', false, date(eq)),
  op('DateNotEquals', true, date(eq)),
  op('DateLessThan', false, date(lt)),
  op('DateLessThanEquals', false, date(le)),
  op('DateGreaterThan', false, date(gt)),
  op('DateGreaterThanEquals', false, date(ge)),
  op('Bool', false, bool),
  op('BinaryEquals', false, binary),
  op('IpAddress', false, ip),
  op('NotIpAddress', true, ip),
  op('ArnEquals', false, arnLike),
  op('ArnLike', false, arnLike),
  op('ArnNotEquals', true, arnLike),
  op('ArnNotLike', true, arnLike),
];

const BY_NAME = new Map<string, BaseOperator>(OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** The base operator named (case-insensitively), without set prefix or IfExists suffix. */
export function baseOperator(name: string): BaseOperator | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every base operator name, for tests and completion. */
export const BASE_OPERATOR_NAMES: readonly string[] = OPERATORS.map((o) => o.name);
