// Completion for IAM policy documents from the action catalog: element names, Effect and Version values,
// service prefixes then their actions (with access level and description), resource ARN templates of the
// statement's actions, condition operators and condition keys (global and the actions' own), Bool values.
import { getLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { Catalog, ConditionKeyInfo } from '@iam-console/policy-engine/catalog/catalog.ts';
import { ALL_OPERATOR_NAMES, parseOperator } from '@iam-console/policy-engine/validate/condition-operators.ts';
import type { PolicyKind } from '@iam-console/policy-engine/validate/finding.ts';
import { elementOf, placeOf, statementStrings } from './policy-path.ts';
import type { CompletionEntry, CompletionResult } from './protocol.ts';

const ROOT_ELEMENTS = ['Version', 'Statement', 'Id'];
const STATEMENT_ELEMENTS: Record<string, readonly PolicyKind[]> = {
  Sid: ['identity', 'boundary', 'trust', 'resource'],
  Effect: ['identity', 'boundary', 'trust', 'resource'],
  Principal: ['trust', 'resource'],
  NotPrincipal: ['resource'],
  Action: ['identity', 'boundary', 'trust', 'resource'],
  NotAction: ['identity', 'boundary', 'trust', 'resource'],
  Resource: ['identity', 'boundary', 'resource'],
  NotResource: ['identity', 'boundary', 'resource'],
  Condition: ['identity', 'boundary', 'trust', 'resource'],
};
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** Elements whose value is an object or a list, so a new one opens with its brackets. */
const OPENS: Record<string, string> = { Statement: '[\n\t{\n\t\t$0\n\t}\n]', Condition: '{\n\t$0\n}', Principal: '{\n\t$0\n}' };
const MAX_RESOURCE_TEMPLATES = 60;

/** Where the cursor is: inside a string (between its quotes) or between tokens. */
interface Spot {
  inString: boolean;
  from: number;
  to: number;
  prefix: string;
}

function spotAt(text: string, offset: number, previous: Node | undefined): Spot {
  // jsonc-parser reports a key being typed as a 'property' node spanning just the key string.
  if (previous && (previous.type === 'string' || previous.type === 'property') && offset > previous.offset) {
    const end = previous.offset + previous.length;
    const closed = previous.length >= 2 && text[end - 1] === '"';
    if (offset < end || (!closed && offset <= end)) {
      const from = previous.offset + 1;
      // An unclosed string runs to the end of the line (commas included): replace only up to the cursor.
      return { inString: true, from, to: closed ? end - 1 : offset, prefix: text.slice(from, offset) };
    }
  }
  return { inString: false, from: offset, to: offset, prefix: '' };
}

/** A catalog template such as arn:${Partition}:iam::${Account}:user/${UserNameWithPath} as a snippet with tab stops. */
export function arnTemplateSnippet(template: string): string {
  let stop = 0;
  return template.replace(/\$\{([^}]*)\}/g, (_, name: string) => (name === 'Partition' ? 'aws' : `\${${++stop}:${name}}`));
}

/** A condition key name as a snippet: a templated part (aws:RequestTag/${TagKey}, s3:ExistingObjectTag/<key>) becomes a tab stop. */
export function conditionKeySnippet(name: string): string {
  let stop = 0;
  return name.replace(/\$\{([^}]*)\}|<([^>]*)>/g, (_, braced: string | undefined, angled: string | undefined) => `\${${++stop}:${braced ?? angled}}`);
}

const quoted = (value: string, spot: Spot) => (spot.inString ? value : `"${value}"`);

function keyEntries(names: readonly string[], spot: Spot, kind: CompletionEntry['kind'], describe?: (name: string) => string | undefined): CompletionEntry[] {
  return names.map((name) => {
    const detail = describe?.(name);
    if (spot.inString) return { label: name, kind, insertText: name, ...(detail ? { detail } : {}) };
    const opens = OPENS[name];
    return { label: name, kind, insertText: `"${name}": ${opens ?? '"$0"'}`, snippet: true, ...(detail ? { detail } : {}) };
  });
}

function valueEntries(values: readonly string[], spot: Spot, detail?: string): CompletionEntry[] {
  return values.map((value) => ({ label: value, kind: 'value', insertText: quoted(value, spot), ...(detail ? { detail } : {}) }));
}

function actionEntries(spot: Spot, catalog: Catalog): CompletionEntry[] {
  const colon = spot.prefix.indexOf(':');
  if (colon < 0) {
    const services: CompletionEntry[] = catalog.services().map((service) => ({
      label: service.prefix,
      kind: 'service',
      insertText: spot.inString ? `${service.prefix}:` : `"${service.prefix}:$0"`,
      ...(spot.inString ? {} : { snippet: true }),
      detail: service.name,
      retrigger: true,
    }));
    return [{ label: '*', kind: 'action', insertText: quoted('*', spot), detail: 'Every action of every service' }, ...services];
  }
  const prefix = spot.prefix.slice(0, colon);
  const service = catalog.service(prefix);
  if (!service) return [];
  return [
    { label: `${service.prefix}:*`, kind: 'action', insertText: `${service.prefix}:*`, detail: `All ${service.actionCount} actions`, sortText: '0' },
    ...catalog.actions(service.prefix).map((action) => ({
      label: action.name,
      kind: 'action' as const,
      insertText: action.name,
      detail: action.accessLevel,
      documentation: action.description,
    })),
  ];
}

/** Actions the statement names, expanded: concrete ones as they are, patterns to the actions they cover (first 200). */
function statementActions(tree: Node | undefined, index: number, catalog: Catalog): string[] {
  const actions = new Set<string>();
  for (const pattern of statementStrings(tree, index, 'Action')) {
    const known = catalog.action(pattern);
    if (known) actions.add(known.name);
    else if (pattern !== '*') for (const name of catalog.expandActionPattern(pattern).slice(0, 200)) actions.add(name);
  }
  return [...actions];
}

function resourceEntries(tree: Node | undefined, index: number, spot: Spot, catalog: Catalog): CompletionEntry[] {
  const entries: CompletionEntry[] = [{ label: '*', kind: 'resource', insertText: quoted('*', spot), detail: 'Every resource', sortText: '0' }];
  const seen = new Set<string>();
  for (const action of statementActions(tree, index, catalog)) {
    const info = catalog.action(action);
    for (const type of info?.resourceTypes ?? []) {
      for (const template of catalog.resourceType(info?.service ?? '', type.name)?.arnTemplates ?? []) {
        if (seen.has(template) || seen.size >= MAX_RESOURCE_TEMPLATES) continue;
        seen.add(template);
        const snippet = arnTemplateSnippet(template);
        entries.push({ label: template.replace('${Partition}', 'aws'), kind: 'resource', insertText: spot.inString ? snippet : `"${snippet}"`, snippet: true, detail: `${info?.service}:${type.name}` });
      }
    }
  }
  return entries;
}

function conditionKeyEntries(tree: Node | undefined, index: number, spot: Spot, catalog: Catalog): CompletionEntry[] {
  const keys = new Map<string, ConditionKeyInfo>();
  for (const action of statementActions(tree, index, catalog)) for (const key of catalog.conditionKeysForAction(action)) keys.set(key.name, key);
  for (const key of catalog.globalConditionKeys()) keys.set(key.name, key);
  return [...keys.values()].map((key) => {
    const snippet = conditionKeySnippet(key.name);
    return {
      label: key.name,
      kind: 'conditionKey',
      insertText: spot.inString ? snippet : `"${snippet}": "$0"`,
      snippet: true,
      detail: key.rawType || key.type,
      documentation: key.description,
      // The statement's own keys first, then the global ones.
      sortText: key.global ? `1${key.name}` : `0${key.name}`,
    };
  });
}

function conditionValueEntries(operator: string, key: string, spot: Spot, catalog: Catalog | undefined): CompletionEntry[] {
  const family = parseOperator(operator)?.family;
  if (family === 'Bool' || family === 'Null' || catalog?.conditionKey(key)?.type === 'Bool') return valueEntries(['true', 'false'], spot);
  return [];
}

function statementKeyEntries(rest: JSONPath, tree: Node | undefined, index: number, spot: Spot, kind: PolicyKind, catalog: Catalog | undefined): CompletionEntry[] {
  if (rest.length === 1) return keyEntries(Object.keys(STATEMENT_ELEMENTS).filter((name) => STATEMENT_ELEMENTS[name]?.includes(kind)), spot, 'property');
  if (rest[0] === 'Condition' && rest.length === 2) {
    return ALL_OPERATOR_NAMES.map((name) => ({ label: name, kind: 'operator' as const, insertText: spot.inString ? name : `"${name}": {\n\t$0\n}`, ...(spot.inString ? {} : { snippet: true }), detail: 'Condition operator', sortText: name.includes(':') ? `1${name}` : `0${name}` }));
  }
  if (rest[0] === 'Condition' && rest.length === 3 && catalog) return conditionKeyEntries(tree, index, spot, catalog);
  if ((rest[0] === 'Principal' || rest[0] === 'NotPrincipal') && rest.length === 2) return keyEntries(PRINCIPAL_TYPES, spot, 'property');
  return [];
}

function statementValueEntries(rest: JSONPath, tree: Node | undefined, index: number, spot: Spot, catalog: Catalog | undefined): CompletionEntry[] {
  const element = elementOf(rest);
  if (element === 'Effect') return valueEntries(['Allow', 'Deny'], spot);
  if ((element === 'Action' || element === 'NotAction') && catalog) return actionEntries(spot, catalog);
  if ((element === 'Resource' || element === 'NotResource') && catalog) return resourceEntries(tree, index, spot, catalog);
  if (rest[0] === 'Condition' && typeof rest[1] === 'string' && typeof rest[2] === 'string' && (rest.length === 3 || typeof rest[3] === 'number')) {
    return conditionValueEntries(rest[1], rest[2], spot, catalog);
  }
  return [];
}

/**
 * What can be written at `offset`. Without a catalog, only what needs none (elements, Effect, Version, operators).
 * Null where nothing is known to fit.
 */
export function completePolicy(text: string, offset: number, kind: PolicyKind, catalog: Catalog | undefined): CompletionResult | null {
  const location = getLocation(text, offset);
  const spot = spotAt(text, offset, location.previousNode);
  // Between tokens a value needs a colon before it; getLocation reports the property's path either way.
  const place = placeOf(location.path);
  const tree = place.statement ? parseTree(text) : undefined;
  let items: CompletionEntry[] = [];
  if (location.isAtPropertyKey) {
    if (location.path.length === 1) items = keyEntries(ROOT_ELEMENTS, spot, 'property');
    else if (place.statement) items = statementKeyEntries(place.statement.rest, tree, place.statement.index, spot, kind, catalog);
  } else if (location.path.length === 1 && location.path[0] === 'Version') {
    items = valueEntries(['2012-10-17'], spot, 'Current policy language version');
  } else if (place.statement) {
    items = statementValueEntries(place.statement.rest, tree, place.statement.index, spot, catalog);
  }
  return items.length ? { from: spot.from, to: spot.to, items } : null;
}
