// Compiles a policy document once (wildcards to matchers, condition values parsed, source ranges found) so that
// each decision only runs the matchers. Never throws: a malformed statement is kept with its problem and never
// matches.
import { parseSource, propertyNode, propertyValue, statementNodes, type ParsedSource, type SourceRange } from '../source/source-text.ts';
import type { Node } from 'jsonc-parser';
import { compileConditions, type CompiledCondition } from './conditions.ts';
import type { RequestContext } from './context.ts';
import { compileWildcard, type Glob } from './glob.ts';
import { compileWildPattern, matchWildPattern, UNRESOLVED, type WildPattern } from './pattern.ts';
import { parseTemplate, variableNames } from './variables.ts';
import { compilePrincipal, type CompiledPrincipal } from './principal.ts';
import type { Effect, PolicyMeta, PolicyType } from './types.ts';

/** Actions of a statement: exact names in a set, wildcard patterns as globs; all lower-cased. */
export interface ActionMatcher {
  exact: ReadonlySet<string>;
  patterns: readonly Glob[];
}

export interface CompiledStatement {
  index: number;
  sid?: string;
  effect: Effect;
  actions: ActionMatcher;
  /** true for NotAction. */
  notAction: boolean;
  /** Undefined when the statement has no Resource (trust policies): it applies to the policy's own resource. */
  resources?: readonly WildPattern[];
  notResource: boolean;
  principal?: CompiledPrincipal;
  notPrincipal: boolean;
  conditions: readonly CompiledCondition[];
  range?: SourceRange;
  /** Why the statement is malformed; such a statement never matches. */
  problem?: string;
  /** Context keys the statement reads (condition keys and policy variables), as first written. */
  contextKeys: readonly string[];
}

export interface CompiledPolicy {
  id: string;
  type: PolicyType;
  name?: string;
  version?: string;
  statements: readonly CompiledStatement[];
  /** Problems found while compiling (malformed statements, placeholders in principals, …). */
  notes: readonly string[];
}

const RESOURCE_BASED: ReadonlySet<PolicyType> = new Set(['resource', 'trust']);

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function compileActions(list: readonly string[]): ActionMatcher {
  const exact = new Set<string>();
  const patterns: Glob[] = [];
  for (const action of list) {
    if (/[*?]/.test(action)) patterns.push(compileWildcard(action, true));
    else exact.add(action.toLowerCase());
  }
  return { exact, patterns };
}

export function actionMatches(actions: ActionMatcher, actionLower: string): boolean {
  if (actions.exact.has(actionLower)) return true;
  for (const glob of actions.patterns) if (glob.test(actionLower)) return true;
  return false;
}

/**
 * Whether the Resource / NotResource element lets the statement apply. A pattern whose variable has no value
 * matches no resource (UG "Policy variables with no value"); in NotResource such a pattern makes the whole
 * statement not apply, as an unresolvable variable does (iam-simulate agrees), rather than widen it.
 */
export function resourceApplies(patterns: readonly WildPattern[], notResource: boolean, context: RequestContext): boolean {
  let unresolved = false;
  for (const pattern of patterns) {
    const m = matchWildPattern(pattern, context.resource, context);
    if (m === 1) return !notResource;
    if (m === UNRESOLVED) unresolved = true;
  }
  return notResource && !unresolved;
}

const KNOWN_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);

function compileStatement(raw: unknown, index: number, type: PolicyType, variablesEnabled: boolean, notes: string[]): CompiledStatement {
  const statement: CompiledStatement = {
    index,
    effect: 'Deny',
    actions: { exact: new Set(), patterns: [] },
    notAction: false,
    notResource: false,
    notPrincipal: false,
    conditions: [],
    contextKeys: [],
  };
  const fail = (problem: string): CompiledStatement => {
    statement.problem = problem;
    notes.push(`Statement ${index}${statement.sid ? ` (${statement.sid})` : ''} never matches: ${problem}`);
    return statement;
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('a statement must be an object.');
  const s = raw as Record<string, unknown>;
  if (typeof s.Sid === 'string') statement.sid = s.Sid;
  const unknown = Object.keys(s).find((k) => !KNOWN_ELEMENTS.has(k));
  if (unknown) return fail(`unknown element "${unknown}".`);
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return fail('Effect must be "Allow" or "Deny".');
  statement.effect = s.Effect;

  if ((s.Action === undefined) === (s.NotAction === undefined)) return fail('exactly one of Action and NotAction is required.');
  statement.notAction = s.NotAction !== undefined;
  const actions = stringList(statement.notAction ? s.NotAction : s.Action);
  if (!actions || actions.length === 0) return fail('Action/NotAction must be a string or a non-empty list of strings.');
  statement.actions = compileActions(actions);

  const resourceBased = RESOURCE_BASED.has(type);
  if (s.Resource !== undefined && s.NotResource !== undefined) return fail('Resource and NotResource cannot both be present.');
  if (s.Resource === undefined && s.NotResource === undefined) {
    if (!resourceBased) return fail('Resource or NotResource is required.');
  } else {
    statement.notResource = s.NotResource !== undefined;
    const resources = stringList(statement.notResource ? s.NotResource : s.Resource);
    if (!resources || resources.length === 0) return fail('Resource/NotResource must be a string or a non-empty list of strings.');
    statement.resources = resources.map((r) => compileWildPattern(r, variablesEnabled, true));
  }

  if (s.Principal !== undefined || s.NotPrincipal !== undefined) {
    if (!resourceBased) return fail(`Principal/NotPrincipal is not allowed in a ${type} policy.`);
    if (s.Principal !== undefined && s.NotPrincipal !== undefined) return fail('Principal and NotPrincipal cannot both be present.');
    statement.notPrincipal = s.NotPrincipal !== undefined;
    const compiled = compilePrincipal(statement.notPrincipal ? s.NotPrincipal : s.Principal);
    if (!compiled.ok) return fail(compiled.problem);
    for (const note of compiled.notes) notes.push(`Statement ${index}: ${note}`);
    statement.principal = compiled.principal;
  } else if (resourceBased) return fail('a resource-based policy statement needs Principal or NotPrincipal.');

  const conditions = compileConditions(s.Condition, variablesEnabled);
  if (!conditions.ok) return fail(conditions.problem);
  statement.conditions = conditions.conditions;
  statement.contextKeys = keysRead(statement, variablesEnabled);
  return statement;
}

/** Condition keys and the keys of policy variables in Resource/NotResource and condition values, deduplicated case-insensitively. */
function keysRead(statement: CompiledStatement, variablesEnabled: boolean): string[] {
  const keys = new Map<string, string>();
  const add = (key: string) => {
    if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  };
  for (const condition of statement.conditions) {
    add(condition.key);
    if (variablesEnabled) for (const raw of condition.rawValues) variableNames(parseTemplate(raw, true)).forEach(add);
  }
  for (const resource of statement.resources ?? []) variableNames(resource.template).forEach(add);
  return [...keys.values()];
}

/** Source ranges of a statement and of each condition key, so the editor can underline what decided. */
function addRanges(statement: CompiledStatement, node: Node, parsed: ParsedSource): void {
  statement.range = parsed.rangeAt(node.offset, node.length);
  if (statement.conditions.length === 0) return;
  const block = propertyValue(node, 'Condition');
  for (const condition of statement.conditions) {
    const key = propertyNode(propertyValue(block, condition.operator), condition.key);
    if (key) condition.range = parsed.rangeAt(key.offset, key.length);
  }
}

/**
 * Compiles a policy document (JSON text or an already-parsed object) for repeated evaluation.
 * Text with JSON syntax errors compiles to a policy without statements (it never allows or denies) and a note.
 */
export function compilePolicy(document: string | object, meta: PolicyMeta): CompiledPolicy {
  const notes: string[] = [];
  const policy: CompiledPolicy = { id: meta.id, type: meta.type, statements: [], notes };
  if (meta.name !== undefined) policy.name = meta.name;
  let value: unknown = document;
  let parsedText: ParsedSource | undefined;
  let nodes: Node[] = [];
  if (typeof document === 'string') {
    const parsed = parseSource(document);
    if (parsed.syntaxProblems.length > 0 || parsed.value === undefined) {
      notes.push(`The policy is not valid JSON (${parsed.syntaxProblems[0]?.message ?? 'empty document'}); it is ignored.`);
      return policy;
    }
    value = parsed.value;
    parsedText = parsed;
    nodes = statementNodes(parsed.tree);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    notes.push('The policy must be a JSON object; it is ignored.');
    return policy;
  }
  const doc = value as Record<string, unknown>;
  if (typeof doc.Version === 'string') policy.version = doc.Version;
  // Policy variables exist only in the 2012-10-17 language; older policies read `${…}` literally.
  const variablesEnabled = doc.Version === '2012-10-17';
  const raw = doc.Statement;
  if (raw === undefined) {
    notes.push('The policy has no Statement.');
    return policy;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  policy.statements = list.map((s, i) => {
    const statement = compileStatement(s, i, meta.type, variablesEnabled, notes);
    const node = nodes[i];
    if (parsedText && node) addRanges(statement, node, parsedText);
    return statement;
  });
  return policy;
}
