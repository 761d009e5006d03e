// The shape of a Condition block: { operator: { key: value | [values] } } with known operators and keys
// written as prefix:name. Value types per operator are checked later, on the model (condition-values.ts).
import type { Node } from 'jsonc-parser';
import { ALL_OPERATOR_NAMES, parseOperator } from './condition-operators.ts';
import type { CheckContext } from './context.ts';
import { keyOf, valueOf, jsonTypeName, type ConditionEntry, type ConditionValue } from './model.ts';
import { didYouMean } from './suggest.ts';

const KEY_FORMAT = /^[^\s:]+:\S+$/;

/** IAM accepts an unknown operator whose block is empty, and refuses one with conditions under it. */
function checkOperatorName(ctx: CheckContext, name: string, node: Node, keysNode: Node): ReturnType<typeof parseOperator> {
  const operator = parseOperator(name);
  if (operator?.base === 'Null' && operator.ifExists) {
    ctx.report('NULL_WITH_IF_EXISTS', node, 'The Null operator cannot take IfExists: Null already tests whether the key is present. Use Null.');
    return undefined;
  }
  const emptyBlock = keysNode.type === 'object' && (keysNode.children?.length ?? 0) === 0;
  if (!operator && !emptyBlock) {
    ctx.report('INVALID_CONDITION_OPERATOR', node, `The condition operator ${name} is not valid.${didYouMean(name, ALL_OPERATOR_NAMES)}`);
  }
  return operator;
}

function conditionValues(ctx: CheckContext, key: string, valuesNode: Node): ConditionValue[] {
  const scalar = (node: Node): boolean => node.type === 'string' || node.type === 'number' || node.type === 'boolean';
  if (scalar(valuesNode)) return [{ text: String(valuesNode.value), node: valuesNode }];
  if (valuesNode.type !== 'array') {
    ctx.report('INVALID_CONDITION_DATA_TYPE', valuesNode, `The value of ${key} must be a string, number, boolean or a list of them, not ${jsonTypeName(valuesNode)}.`);
    return [];
  }
  const items = valuesNode.children ?? [];
  if (items.length === 0) ctx.report('EMPTY_ARRAY_CONDITION', valuesNode, `The list of values for ${key} is empty; add values or remove the key.`);
  const values: ConditionValue[] = [];
  for (const item of items) {
    if (scalar(item)) values.push({ text: String(item.value), node: item });
    else ctx.report('INVALID_CONDITION_DATA_TYPE', item, `Each value of ${key} must be a string, number or boolean, not ${jsonTypeName(item)}.`);
  }
  return values;
}

/** Checks a Condition value node and returns its entries, one per operator and key. */
export function checkConditionBlock(ctx: CheckContext, block: Node): ConditionEntry[] {
  if (block.type !== 'object') {
    ctx.report('DATA_TYPE_MISMATCH', block, `Condition must be an object such as {"StringEquals": {"aws:username": "alice"}}, not ${jsonTypeName(block)}.`);
    return [];
  }
  const operators = block.children ?? [];
  if (operators.length === 0) ctx.report('EMPTY_OBJECT_CONDITION', block, 'The Condition block is empty; remove it or add a condition.');
  const entries: ConditionEntry[] = [];
  for (const operatorProperty of operators) {
    const operatorNode = keyOf(operatorProperty);
    const keysNode = valueOf(operatorProperty);
    if (!operatorNode || !keysNode) continue;
    const operatorName = String(operatorNode.value);
    const operator = checkOperatorName(ctx, operatorName, operatorNode, keysNode);
    if (keysNode.type !== 'object') {
      ctx.report('DATA_TYPE_MISMATCH', keysNode, `The ${operatorName} block must be an object of condition keys and values, not ${jsonTypeName(keysNode)}.`);
      continue;
    }
    const keyProperties = keysNode.children ?? [];
    if (keyProperties.length === 0) ctx.report('EMPTY_OBJECT_CONDITION', keysNode, `The ${operatorName} block is empty; add a condition key or remove it.`);
    const seen = new Map<string, string>();
    for (const keyProperty of keyProperties) {
      const keyNode = keyOf(keyProperty);
      const valuesNode = valueOf(keyProperty);
      if (!keyNode || !valuesNode) continue;
      const key = String(keyNode.value);
      const earlier = seen.get(key.toLowerCase());
      if (earlier !== undefined && earlier !== key) ctx.report('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', keyNode, `The condition key ${key} duplicates ${earlier} with different case (keys are case-insensitive); merge them.`);
      else if (earlier !== undefined) ctx.report('DUPLICATE_KEY', keyNode, `The condition key ${key} appears twice under ${operatorName}; only the last one counts.`);
      seen.set(key.toLowerCase(), earlier ?? key);
      // IAM stores such a key (it is never in a request context), and still reads the values under it.
      if (!KEY_FORMAT.test(key)) ctx.report('INVALID_CONDITION_KEY_FORMAT', keyNode, `The condition key ${key} is not valid; condition keys look like prefix:name, e.g. aws:SourceIp.`);
      const values = conditionValues(ctx, key, valuesNode);
      if (operator && (operator.family === 'Bool' || operator.family === 'Null') && !operator.set && values.length > 1) {
        ctx.report('INVALID_CONDITION_MULTIPLE_BOOLEAN', valuesNode, `${operatorName} takes a single true or false for ${key}, not a list.`);
      }
      entries.push({ operatorName, operatorNode, operator, key, keyNode, valuesNode, values });
    }
  }
  return entries;
}
