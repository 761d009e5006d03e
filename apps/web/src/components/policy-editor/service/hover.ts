// Hovers over a policy document: an action's description, access level and resource types; how many actions a
// wildcard stands for; a condition key's type and description; a condition operator's value family.
import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import type { Catalog } from '@iam-console/policy-engine/catalog/catalog.ts';
import { parseOperator } from '@iam-console/policy-engine/validate/condition-operators.ts';
import { elementOf, placeOf } from './policy-path.ts';
import type { HoverResult } from './protocol.ts';

const LISTED = 10;

/** Backslash-escapes what Markdown would read as markup (names hold * and _). */
const md = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);

function actionHover(pattern: string, catalog: Catalog): string[] {
  if (/[*?]/.test(pattern)) {
    const matched = catalog.expandActionPattern(pattern);
    if (matched.length === 0) return [`**${md(pattern)}** matches no action.`];
    const listed = matched.slice(0, LISTED).map((name) => `- ${md(name)}`).join('\n');
    const more = matched.length > LISTED ? `\n- … and ${(matched.length - LISTED).toLocaleString('en-US')} more` : '';
    return [`**${md(pattern)}** matches ${matched.length.toLocaleString('en-US')} action${matched.length === 1 ? '' : 's'}.`, listed + more];
  }
  const action = catalog.action(pattern);
  if (!action) return [];
  const types = action.resourceTypes.length
    ? `Resource types: ${action.resourceTypes.map((t) => `${md(t.name)}${t.required ? ' (required)' : ''}`).join(', ')}`
    : 'Resource types: none (use "Resource": "*")';
  return [`**${md(action.name)}** — ${md(action.accessLevel)}`, md(action.description), types];
}

function conditionKeyHover(name: string, catalog: Catalog): string[] {
  const key = catalog.conditionKey(name);
  if (!key) return [];
  return [`**${md(key.name)}** — ${md(key.rawType || key.type)}${key.multiValued ? ' (multivalued: use ForAnyValue or ForAllValues)' : ''}`, md(key.description)];
}

function operatorHover(name: string): string[] {
  const operator = parseOperator(name);
  if (!operator) return [];
  const parts = [`**${md(name)}** — condition operator for ${operator.family} values`];
  if (operator.ifExists) parts.push('IfExists: the condition is true when the key is absent from the request.');
  if (operator.set === 'ForAllValues') parts.push('ForAllValues: every value of the request\'s key must match (true when the key is absent or empty).');
  if (operator.set === 'ForAnyValue') parts.push('ForAnyValue: at least one value of the request\'s key must match.');
  return parts;
}

function contentsFor(node: Node, catalog: Catalog): string[] {
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  // A key's path ends with the key itself: [..., 'Condition', 'StringEquals'].
  const { statement } = placeOf(getNodePath(node));
  if (!statement || typeof node.value !== 'string') return [];
  const rest = statement.rest;
  if (isKey && rest[0] === 'Condition' && rest.length === 2) return operatorHover(node.value);
  if (isKey && rest[0] === 'Condition' && rest.length === 3) return conditionKeyHover(node.value, catalog);
  if (isKey) return [];
  const element = elementOf(rest);
  if (element === 'Action' || element === 'NotAction') return actionHover(node.value, catalog);
  return [];
}

export function hoverPolicy(text: string, offset: number, catalog: Catalog): HoverResult | null {
  const tree = parseTree(text);
  const node = tree ? findNodeAtOffset(tree, offset) : undefined;
  if (!node || node.type !== 'string') return null;
  const contents = contentsFor(node, catalog);
  return contents.length ? { from: node.offset, to: node.offset + node.length, contents } : null;
}
