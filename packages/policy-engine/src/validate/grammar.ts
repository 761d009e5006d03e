// The grammar pass (IAM JSON policy grammar): checks the document's shape element by element, reports what
// is malformed, and returns the well-typed parts as a PolicyModel for the later checks.
import type { Node } from 'jsonc-parser';
import type { IssueCode } from './checks.ts';
import type { CheckContext } from './context.ts';
import { checkConditionBlock } from './condition-grammar.ts';
import { keyOf, valueOf, jsonTypeName, type ListElement, type PolicyModel, type StatementModel, type StringEntry } from './model.ts';
import { checkPrincipalElement } from './principal-grammar.ts';
import { didYouMean } from './suggest.ts';

const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const VERSIONS = ['2012-10-17', '2008-10-17'];
const SID_CHARACTERS = /^[A-Za-z0-9]*$/;

/** Reports keys that are unknown, misplaced, duplicated, or differ from a known one only in case. */
function checkElementNames(ctx: CheckContext, object: Node, allowed: readonly string[], misplaced: readonly string[], where: string): void {
  const seen = new Map<string, string>();
  for (const property of object.children ?? []) {
    const keyNode = keyOf(property);
    const name = keyNode?.value;
    if (!keyNode || typeof name !== 'string') continue;
    const earlier = seen.get(name.toLowerCase());
    if (earlier === name) ctx.report('DUPLICATE_KEY', keyNode, `The element ${name} appears more than once ${where}; only the last one counts.`);
    else if (earlier !== undefined) ctx.report('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', keyNode, `The element ${name} duplicates ${earlier} with different case; keep one of them.`);
    seen.set(name.toLowerCase(), earlier ?? name);
    if (allowed.includes(name)) continue;
    if (misplaced.includes(name)) {
      ctx.report('INVALID_POLICY_ELEMENT', keyNode, `The element ${name} is not allowed ${where}; move it ${where === 'in a statement' ? 'to the top level of the policy' : 'into a statement'}.`);
      continue;
    }
    ctx.report('INVALID_POLICY_ELEMENT', keyNode, `The element ${name} is not valid ${where}.${didYouMean(name, allowed)}`);
  }
}

/** The last property named exactly `name` (JSON.parse keeps the last of duplicates, and so does IAM). */
function lastProperty(object: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) if (keyOf(property)?.value === name) found = property;
  return found;
}

/** Managed policies (and so permissions boundaries) must be written in the 2012-10-17 language; IAM refuses others. */
function isManaged(ctx: CheckContext): boolean {
  return ctx.kind === 'boundary' || (ctx.kind === 'identity' && ctx.options.inlineFor === undefined);
}

function checkVersion(ctx: CheckContext, root: Node): string | undefined {
  const property = lastProperty(root, 'Version');
  const value = property && valueOf(property);
  if (!property || !value) {
    if (isManaged(ctx)) {
      ctx.report('MANAGED_POLICY_VERSION_REQUIRED', openingBrace(root), 'Add "Version": "2012-10-17": IAM refuses a managed policy without it.');
      return undefined;
    }
    ctx.report('MISSING_VERSION', openingBrace(root), 'Add "Version": "2012-10-17" to the policy; without it IAM uses 2008-10-17, which does not support policy variables.');
    return undefined;
  }
  if (value.type !== 'string') {
    ctx.report('DATA_TYPE_MISMATCH', value, `Version must be a string such as "2012-10-17", not ${jsonTypeName(value)}.`);
    return undefined;
  }
  const version = value.value as string;
  if (!VERSIONS.includes(version)) {
    ctx.report('INVALID_VERSION', value, `The version ${version} is not valid; use "2012-10-17".`);
    return undefined;
  }
  if (version === '2008-10-17' && isManaged(ctx)) ctx.report('MANAGED_POLICY_VERSION_REQUIRED', value, 'Use "Version": "2012-10-17": IAM refuses a managed policy in the 2008-10-17 language.');
  else if (version === '2008-10-17') ctx.report('OUTDATED_VERSION', value, 'Version 2008-10-17 is the old policy language; use "2012-10-17" to enable policy variables and newer features.');
  return version;
}

function stringOf(ctx: CheckContext, property: Node | undefined, element: string): StringEntry | undefined {
  const value = property && valueOf(property);
  if (!value) return undefined;
  if (value.type !== 'string') {
    ctx.report('DATA_TYPE_MISMATCH', value, `${element} must be a string, not ${jsonTypeName(value)}.`);
    return undefined;
  }
  return { value: value.value as string, node: value };
}

/** A string-or-list-of-strings element (Action, Resource…); entries of the wrong type are reported and left out. */
export function listElement(ctx: CheckContext, property: Node, name: string): ListElement | undefined {
  const keyNode = keyOf(property);
  const valueNode = valueOf(property);
  if (!keyNode || !valueNode) return undefined;
  const entries: StringEntry[] = [];
  if (valueNode.type === 'string') entries.push({ value: valueNode.value as string, node: valueNode });
  else if (valueNode.type === 'array') {
    for (const item of valueNode.children ?? []) {
      if (item.type === 'string') entries.push({ value: item.value as string, node: item });
      else ctx.report('DATA_TYPE_MISMATCH', item, `Each entry of ${name} must be a string, not ${jsonTypeName(item)}.`);
    }
  } else {
    ctx.report('DATA_TYPE_MISMATCH', valueNode, `${name} must be a string or a list of strings, not ${jsonTypeName(valueNode)}.`);
    return undefined;
  }
  return { name, keyNode, valueNode, entries };
}

function isEmptyArray(element: ListElement): boolean {
  return element.valueNode.type === 'array' && (element.valueNode.children?.length ?? 0) === 0;
}

/** One of a pair of exclusive elements (Action/NotAction, Resource/NotResource), reporting both-present. */
function exclusivePair(ctx: CheckContext, statement: Node, names: readonly [string, string]): Node | undefined {
  const first = lastProperty(statement, names[0]);
  const second = lastProperty(statement, names[1]);
  if (first && second) {
    ctx.report('UNSUPPORTED_ELEMENT_COMBINATION', keyOf(second) ?? second, `A statement cannot have both ${names[0]} and ${names[1]}; keep one of them.`);
  }
  return first ?? second;
}

/** The opening brace of an object: what to underline when a statement (or the policy) lacks an element. */
function openingBrace(object: Node): Node {
  return { ...object, length: 1 };
}

interface ListPair {
  names: readonly [string, string];
  noun: 'action' | 'resource';
  missing: IssueCode;
  empty: IssueCode;
  emptyNot: IssueCode;
}

const ACTION_PAIR: ListPair = { names: ['Action', 'NotAction'], noun: 'action', missing: 'MISSING_ACTION', empty: 'EMPTY_ARRAY_ACTION', emptyNot: 'EMPTY_ARRAY_NOT_ACTION' };
const RESOURCE_PAIR: ListPair = { names: ['Resource', 'NotResource'], noun: 'resource', missing: 'MISSING_RESOURCE', empty: 'EMPTY_ARRAY_RESOURCE', emptyNot: 'EMPTY_ARRAY_NOT_RESOURCE' };

/** Action/NotAction or Resource/NotResource: exactly one of them, a string or list, ideally not empty. */
function checkListPair(ctx: CheckContext, statement: Node, pair: ListPair, property: Node | undefined): ListElement | undefined {
  const [positive, negative] = pair.names;
  if (!property) {
    ctx.report(pair.missing, openingBrace(statement), `Add a ${positive} (or ${negative}) element to the statement.`);
    return undefined;
  }
  const name = keyOf(property)?.value as string;
  const element = listElement(ctx, property, name);
  if (element && isEmptyArray(element)) {
    const empty = name === positive ? pair.empty : pair.emptyNot;
    ctx.report(empty, element.valueNode, `The ${name} list is empty; IAM refuses a statement without ${pair.noun}s. Add ${pair.noun}s or remove the statement.`);
  }
  return element;
}

function checkActions(ctx: CheckContext, statement: Node): ListElement | undefined {
  return checkListPair(ctx, statement, ACTION_PAIR, exclusivePair(ctx, statement, ACTION_PAIR.names));
}

function checkResources(ctx: CheckContext, statement: Node): ListElement | undefined {
  const property = exclusivePair(ctx, statement, RESOURCE_PAIR.names);
  if (ctx.kind === 'trust') {
    if (property) ctx.report('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', keyOf(property) ?? property, `A role trust policy cannot have ${keyOf(property)?.value}: the resource is the role itself. Remove it.`);
    return undefined;
  }
  return checkListPair(ctx, statement, RESOURCE_PAIR, property);
}

function checkEffect(ctx: CheckContext, statement: Node): StatementModel['effect'] {
  const property = lastProperty(statement, 'Effect');
  if (!property) {
    ctx.report('MISSING_EFFECT', openingBrace(statement), 'Add "Effect": "Allow" or "Effect": "Deny" to the statement.');
    return undefined;
  }
  const entry = stringOf(ctx, property, 'Effect');
  if (!entry) return undefined;
  if (entry.value === 'Allow' || entry.value === 'Deny') return entry.value;
  ctx.report('INVALID_EFFECT', entry.node, `The Effect ${JSON.stringify(entry.value)} is not valid; use "Allow" or "Deny".${didYouMean(entry.value, ['Allow', 'Deny'])}`);
  return undefined;
}

function checkSid(ctx: CheckContext, statement: Node): StringEntry | undefined {
  const sid = stringOf(ctx, lastProperty(statement, 'Sid'), 'Sid');
  if (!sid) return undefined;
  if (sid.value === '') ctx.report('EMPTY_SID_VALUE', sid.node, 'The Sid is empty; give the statement a name or remove the Sid.');
  else if (ctx.kind !== 'resource' && !SID_CHARACTERS.test(sid.value)) {
    ctx.report('UNSUPPORTED_SID', sid.node, 'A Sid may contain only the characters A-Z, a-z and 0-9.');
  }
  return sid;
}

function checkStatement(ctx: CheckContext, node: Node, index: number): StatementModel | undefined {
  if (node.type !== 'object') {
    ctx.report('DATA_TYPE_MISMATCH', node, `Each statement must be an object, not ${jsonTypeName(node)}.`);
    return undefined;
  }
  checkElementNames(ctx, node, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS, 'in a statement');
  const sid = checkSid(ctx, node);
  const effect = checkEffect(ctx, node);
  const action = checkActions(ctx, node);
  const resource = checkResources(ctx, node);
  const principal = checkPrincipalElement(ctx, exclusivePair(ctx, node, ['Principal', 'NotPrincipal']), openingBrace(node));
  const conditionProperty = lastProperty(node, 'Condition');
  const conditionNode = conditionProperty && valueOf(conditionProperty);
  const conditions = conditionNode ? checkConditionBlock(ctx, conditionNode) : [];
  return { index, node, sid, effect, action, resource, principal, conditionNode, conditions };
}

function checkUniqueSids(ctx: CheckContext, statements: readonly StatementModel[]): void {
  const seen = new Set<string>();
  for (const statement of statements) {
    const sid = statement.sid;
    if (!sid || sid.value === '') continue;
    if (seen.has(sid.value)) {
      if (ctx.kind === 'identity' || ctx.kind === 'boundary') ctx.report('UNIQUE_SIDS_REQUIRED', sid.node, `The Sid ${sid.value} is already used by another statement; Sids must be unique in a policy.`);
      else ctx.report('UNIQUE_SIDS_RECOMMENDED', sid.node, `The Sid ${sid.value} is already used by another statement; use unique Sids.`);
    }
    seen.add(sid.value);
  }
}

/** Runs the grammar checks; undefined when the document is not an object at all. */
export function checkGrammar(ctx: CheckContext, root: Node): PolicyModel | undefined {
  if (root.type !== 'object') {
    ctx.report('DATA_TYPE_MISMATCH', root, `A policy must be a JSON object, not ${jsonTypeName(root)}.`);
    return undefined;
  }
  checkElementNames(ctx, root, TOP_LEVEL_ELEMENTS, STATEMENT_ELEMENTS, 'at the top level of the policy');
  const version = checkVersion(ctx, root);
  stringOf(ctx, lastProperty(root, 'Id'), 'Id');
  const statementProperty = lastProperty(root, 'Statement');
  const statementValue = statementProperty && valueOf(statementProperty);
  const statements: StatementModel[] = [];
  if (!statementValue) {
    ctx.report('MISSING_STATEMENT', openingBrace(root), 'Add a Statement element with at least one statement.');
  } else if (statementValue.type === 'object') {
    const statement = checkStatement(ctx, statementValue, 0);
    if (statement) statements.push(statement);
  } else if (statementValue.type === 'array') {
    const items = statementValue.children ?? [];
    if (items.length === 0) ctx.report('MISSING_STATEMENT', statementValue, 'The Statement list is empty; add at least one statement.');
    for (const [index, item] of items.entries()) {
      if (ctx.full) break;
      const statement = checkStatement(ctx, item, index);
      if (statement) statements.push(statement);
    }
  } else {
    ctx.report('DATA_TYPE_MISMATCH', statementValue, `Statement must be an object or a list of objects, not ${jsonTypeName(statementValue)}.`);
  }
  checkUniqueSids(ctx, statements);
  return { root, version, variablesEnabled: version === '2012-10-17', statements };
}
