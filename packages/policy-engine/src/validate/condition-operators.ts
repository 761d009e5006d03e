// The condition operators of "IAM JSON policy elements: Condition operators", by value family, and the
// parser for a full operator name: [ForAllValues:|ForAnyValue:]Base[IfExists].

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

const BASE_OPERATORS: Record<string, OperatorFamily> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IPAddress',
  NotIpAddress: 'IPAddress',
  ArnEquals: 'ARN',
  ArnLike: 'ARN',
  ArnNotEquals: 'ARN',
  ArnNotLike: 'ARN',
  Null: 'Null',
};

export const BASE_OPERATOR_NAMES: readonly string[] = Object.keys(BASE_OPERATORS);

const SET_PREFIXES = ['ForAllValues', 'ForAnyValue'] as const;

export interface ConditionOperator {
  /** As written. */
  name: string;
  base: string;
  family: OperatorFamily;
  set: (typeof SET_PREFIXES)[number] | undefined;
  ifExists: boolean;
}

/** Every spelling that is valid, for "did you mean" (sets and IfExists variants included). */
export const ALL_OPERATOR_NAMES: readonly string[] = BASE_OPERATOR_NAMES.flatMap((base) => {
  const plain = base === 'Null' ? [base] : [base, `${base}IfExists`];
  return [...plain, ...plain.flatMap((p) => SET_PREFIXES.map((s) => `${s}:${p}`))];
});

/** Parses an operator name exactly as IAM spells it; undefined for anything else. */
export function parseOperator(name: string): ConditionOperator | undefined {
  let rest = name;
  let set: ConditionOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    set = SET_PREFIXES.find((p) => p === prefix);
    if (!set) return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const family = Object.hasOwn(BASE_OPERATORS, rest) ? BASE_OPERATORS[rest] : undefined;
  if (!family) return undefined;
  return { name, base: rest, family, set, ifExists };
}
