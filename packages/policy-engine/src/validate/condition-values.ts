// Condition values against their operator's family: dates, numbers, booleans, IP ranges and ARNs must parse,
// and wildcards in StringEquals-style operators are literal characters (probably meant as StringLike).
import type { CheckContext } from './context.ts';
import type { ConditionEntry, PolicyModel } from './model.ts';
import { iamAcceptsDate } from './iam-date.ts';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d+$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;
const EXACT_STRING_OPERATORS = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase']);

export function isDateValue(text: string): boolean {
  if (EPOCH.test(text)) return true;
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(text));
}

export function isIpValue(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!IPV6.test(text)) return false;
  const address = text.split('/')[0]!;
  const doubleColons = address.split('::').length - 1;
  const groups = address.split(':').filter((g) => g !== '');
  return doubleColons <= 1 && groups.length <= 8 && groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g) || IPV4.test(g));
}

function withoutVariables(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '');
}

function checkEntry(ctx: CheckContext, entry: ConditionEntry): void {
  const operator = entry.operator;
  if (!operator) return;
  for (const value of entry.values) {
    const text = value.text;
    if (operator.family === 'Date' && !iamAcceptsDate(text)) {
      ctx.report('INVALID_DATE_CONDITION_VALUE', value.node, `IAM cannot read ${JSON.stringify(text)} as a date for ${operator.name}; use an ISO 8601 date (2026-01-31T00:00:00Z) or epoch seconds.`);
      continue;
    }
    if (text.includes('${')) continue; // variables: see variables.ts
    switch (operator.family) {
      case 'String':
        if (EXACT_STRING_OPERATORS.has(operator.base) && /[*?]/.test(withoutVariables(text))) {
          ctx.report('WILDCARD_WITHOUT_LIKE_OPERATOR', value.node, `${operator.base} treats * and ? in ${text} as literal characters; use ${operator.base.includes('Not') ? 'StringNotLike' : 'StringLike'} for wildcards.`);
        }
        break;
      case 'Numeric':
        if (!NUMBER.test(text)) ctx.report('TYPE_MISMATCH_NUMBER', value.node, `${operator.name} needs a number, and ${JSON.stringify(text)} is not one.`);
        break;
      case 'Date':
        if (!isDateValue(text)) ctx.report('TYPE_MISMATCH_DATE', value.node, `${operator.name} needs an ISO 8601 date (2026-01-31T00:00:00Z) or epoch seconds, and ${JSON.stringify(text)} is neither.`);
        break;
      case 'Bool':
      case 'Null':
        if (text.toLowerCase() !== 'true' && text.toLowerCase() !== 'false') ctx.report('TYPE_MISMATCH_BOOLEAN', value.node, `${operator.name} needs true or false, not ${JSON.stringify(text)}.`);
        break;
      case 'IPAddress':
        if (!isIpValue(text)) ctx.report('TYPE_MISMATCH_IP_RANGE', value.node, `${operator.name} needs an IP address or CIDR range such as 203.0.113.0/24, not ${JSON.stringify(text)}.`);
        break;
      case 'ARN':
        if (text !== '*' && !text.toLowerCase().startsWith('arn:')) ctx.report('TYPE_MISMATCH_ARN', value.node, `${operator.name} needs an ARN (arn:partition:service:region:account:resource), not ${JSON.stringify(text)}.`);
        break;
      case 'Binary':
        break;
    }
  }
}

export function checkConditionValues(ctx: CheckContext, policy: PolicyModel): void {
  for (const statement of policy.statements) {
    if (ctx.full) return;
    for (const entry of statement.conditions) checkEntry(ctx, entry);
  }
}
