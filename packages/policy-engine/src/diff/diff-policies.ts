// Semantic diff of two policy documents: which actions, on which resources, a change grants or revokes, and
// which denies it adds or removes, after wildcard expansion with the catalog (NotAction expands to every other
// action). Statements are compared per (action, resource pattern, Condition block): a change of condition shows
// as the old grant revoked and the new one granted. Principals are not compared. Never throws: input that cannot
// be read counts as an empty policy and a note says so.
import { compilePolicyArn, patternCovers, type CompiledArnPattern } from '../catalog/arn-pattern.ts';
import type { Catalog } from '../catalog/catalog.ts';

/** A policy as text, or already parsed; undefined/null for "no policy" (e.g. before a policy is created). */
export type PolicyInput = string | object | null | undefined;

export interface DiffEntry {
  /** Canonical action name ("iam:GetUser"), or the policy's own spelling when the catalog knows no such action. */
  action: string;
  /** Resource patterns, sorted. With `notResource`, the patterns excluded. */
  resources: string[];
  /** The statement used NotResource: the action applies to every resource except `resources`. */
  notResource: boolean;
  /** The statement's Condition block as canonical JSON (keys sorted); absent when unconditional. */
  condition?: string;
}

export interface DiffNote {
  side: 'before' | 'after';
  message: string;
}

export interface PolicyDiff {
  /** Allowed after, not before. */
  granted: DiffEntry[];
  /** Allowed before, not after. */
  revoked: DiffEntry[];
  denyAdded: DiffEntry[];
  denyRemoved: DiffEntry[];
  /** What the reader should know: unreadable input, ignored statements, patterns that match no known action. */
  notes: DiffNote[];
}

type Side = DiffNote['side'];
type Effect = 'Allow' | 'Deny';

/** One grant: an action on one resource pattern (or on all but a list of them), under one condition. */
interface Grant {
  resources: string[];
  notResource: boolean;
  condition: string | undefined;
  /** Identifies the grant within one action (computed once per statement scope, shared by its actions). */
  key: string;
}

/** action → its grants (distinct keys; few per action, so a list beats a map), for one effect of one policy. */
type GrantTable = Map<string, Grant[]>;

/** Deeper Condition blocks are not real policies; canonicalising them would only risk the stack. */
const MAX_CONDITION_DEPTH = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_CONDITION_DEPTH) throw new RangeError('Condition nested too deeply');
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key], depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function grantKey(grant: Omit<Grant, 'key'>): string {
  return JSON.stringify([grant.notResource, grant.resources, grant.condition ?? null]);
}

/** Reads the document; anything unreadable becomes "no statements" plus a note. */
function readStatements(input: PolicyInput, side: Side, notes: DiffNote[]): unknown[] {
  let document: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return [];
    try {
      document = JSON.parse(input);
    } catch (error) {
      notes.push({ side, message: `The policy is not valid JSON (${(error as Error).message}); it is compared as an empty policy.` });
      return [];
    }
  }
  if (document === undefined || document === null) return [];
  if (!isRecord(document)) {
    notes.push({ side, message: 'The policy is not a JSON object; it is compared as an empty policy.' });
    return [];
  }
  const statement = document.Statement;
  if (statement === undefined) {
    notes.push({ side, message: 'The policy has no Statement.' });
    return [];
  }
  if (isRecord(statement)) return [statement];
  if (Array.isArray(statement)) return statement;
  notes.push({ side, message: 'Statement is neither an object nor an array; it is compared as an empty policy.' });
  return [];
}

function describeStatement(statement: Record<string, unknown>, index: number): string {
  return typeof statement.Sid === 'string' && statement.Sid !== '' ? `Statement ${index} ("${statement.Sid}")` : `Statement ${index}`;
}

/** The actions a statement names: Action expanded, or every action NotAction leaves out. */
function statementActions(
  statement: Record<string, unknown>,
  label: string,
  catalog: Catalog,
  side: Side,
  notes: DiffNote[],
): string[] | undefined {
  const hasAction = statement.Action !== undefined;
  const hasNotAction = statement.NotAction !== undefined;
  if (hasAction === hasNotAction) {
    notes.push({ side, message: `${label} needs exactly one of Action and NotAction; it is ignored.` });
    return undefined;
  }
  const patterns = stringsOf(hasAction ? statement.Action : statement.NotAction);
  if (!patterns) {
    notes.push({ side, message: `${label}: ${hasAction ? 'Action' : 'NotAction'} must be a string or a list of strings; it is ignored.` });
    return undefined;
  }
  const named = new Set<string>();
  for (const pattern of patterns) {
    const expanded = catalog.expandActionPattern(pattern);
    if (expanded.length === 0) {
      notes.push({ side, message: `${label}: "${pattern}" matches no known action.` });
      // Kept as written, so adding or removing it still shows up (Action only: a NotAction of nothing excludes nothing).
      if (hasAction) named.add(pattern);
    }
    for (const action of expanded) named.add(action);
  }
  if (hasAction) return [...named];
  return catalog.expandActionPattern('*').filter((action) => !named.has(action));
}

/** The resource scopes of a statement: one per Resource pattern, or one for its whole NotResource list. */
function statementScopes(statement: Record<string, unknown>, label: string, side: Side, notes: DiffNote[]): Omit<Grant, 'condition' | 'key'>[] | undefined {
  if (statement.Resource !== undefined && statement.NotResource !== undefined) {
    notes.push({ side, message: `${label} has both Resource and NotResource; it is ignored.` });
    return undefined;
  }
  if (statement.NotResource !== undefined) {
    const excluded = stringsOf(statement.NotResource);
    if (!excluded) {
      notes.push({ side, message: `${label}: NotResource must be a string or a list of strings; it is ignored.` });
      return undefined;
    }
    return [{ resources: [...new Set(excluded)].sort(), notResource: true }];
  }
  // Trust policies have no Resource: the statement is about the role itself, which "*" stands for here.
  const patterns = statement.Resource === undefined ? ['*'] : stringsOf(statement.Resource);
  if (!patterns) {
    notes.push({ side, message: `${label}: Resource must be a string or a list of strings; it is ignored.` });
    return undefined;
  }
  return [...new Set(patterns)].map((resource) => ({ resources: [resource], notResource: false }));
}

function collectGrants(input: PolicyInput, side: Side, catalog: Catalog, notes: DiffNote[]): Record<Effect, GrantTable> {
  const tables: Record<Effect, GrantTable> = { Allow: new Map(), Deny: new Map() };
  readStatements(input, side, notes).forEach((statement, index) => {
    if (!isRecord(statement)) {
      notes.push({ side, message: `Statement ${index} is not an object; it is ignored.` });
      return;
    }
    const label = describeStatement(statement, index);
    const effect = statement.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      notes.push({ side, message: `${label} has no Effect of "Allow" or "Deny"; it is ignored.` });
      return;
    }
    let condition: string | undefined;
    try {
      condition = statement.Condition === undefined ? undefined : canonicalJson(statement.Condition);
    } catch {
      notes.push({ side, message: `${label} has a Condition nested too deeply to compare; it is ignored.` });
      return;
    }
    const actions = statementActions(statement, label, catalog, side, notes);
    const scopes = statementScopes(statement, label, side, notes);
    if (!actions || !scopes) return;
    const table = tables[effect];
    const statementGrants = scopes.map((scope): Grant => ({ ...scope, condition, key: grantKey({ ...scope, condition }) }));
    for (const action of actions) {
      const grants = table.get(action);
      if (!grants) table.set(action, [...statementGrants]);
      else for (const grant of statementGrants) if (!grants.some((known) => known.key === grant.key)) grants.push(grant);
    }
  });
  return tables;
}

/**
 * Whether `grant` is already implied by one of `others` for the same action: same kind of scope, a condition
 * that is the same or none, and a resource pattern that covers it (`*` covers everything).
 */
function isCovered(grant: Grant, others: Grant[] | undefined, compiled: (pattern: string) => CompiledArnPattern): boolean {
  if (!others) return false;
  if (others.some((other) => other.key === grant.key)) return true;
  if (grant.notResource) return false;
  const resource = grant.resources[0] as string;
  for (const other of others) {
    if (other.notResource || (other.condition !== undefined && other.condition !== grant.condition)) continue;
    const general = other.resources[0] as string;
    if (general === '*' || patternCovers(compiled(general), compiled(resource))) return true;
  }
  return false;
}

function entryKey(action: string, grant: Grant): string {
  return `${action}\u0000${grant.notResource}\u0000${grant.condition ?? ''}`;
}

/** The grants of `from` that `to` does not imply, grouped per action, scope kind and condition, sorted. */
function grantsMissingFrom(from: GrantTable, to: GrantTable, compiled: (pattern: string) => CompiledArnPattern): DiffEntry[] {
  const entries = new Map<string, DiffEntry>();
  for (const [action, grants] of from) {
    const others = to.get(action);
    for (const grant of grants) {
      if (isCovered(grant, others, compiled)) continue;
      const key = entryKey(action, grant);
      const entry = entries.get(key);
      if (entry && !grant.notResource) entry.resources.push(...grant.resources);
      else {
        const created: DiffEntry = { action, resources: [...grant.resources], notResource: grant.notResource };
        if (grant.condition !== undefined) created.condition = grant.condition;
        // Two NotResource grants of one action under one condition stay apart: their lists mean different things.
        entries.set(entry ? `${key}\u0000${grant.key}` : key, created);
      }
    }
  }
  const list = [...entries.values()];
  for (const entry of list) entry.resources.sort();
  return list.sort(compareEntries);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: DiffEntry, b: DiffEntry): number {
  return (
    compareText(a.action.toLowerCase(), b.action.toLowerCase()) ||
    Number(a.notResource) - Number(b.notResource) ||
    compareText(a.condition ?? '', b.condition ?? '') ||
    compareText(a.resources.join('\n'), b.resources.join('\n'))
  );
}

/** Compares two policies. Takes text or parsed documents; never throws. */
export function diffPolicies(before: PolicyInput, after: PolicyInput, catalog: Catalog): PolicyDiff {
  const notes: DiffNote[] = [];
  try {
    const old = collectGrants(before, 'before', catalog, notes);
    const next = collectGrants(after, 'after', catalog, notes);
    const compiledPatterns = new Map<string, CompiledArnPattern>();
    const compiled = (pattern: string): CompiledArnPattern => {
      let hit = compiledPatterns.get(pattern);
      if (!hit) compiledPatterns.set(pattern, (hit = compilePolicyArn(pattern)));
      return hit;
    };
    return {
      granted: grantsMissingFrom(next.Allow, old.Allow, compiled),
      revoked: grantsMissingFrom(old.Allow, next.Allow, compiled),
      denyAdded: grantsMissingFrom(next.Deny, old.Deny, compiled),
      denyRemoved: grantsMissingFrom(old.Deny, next.Deny, compiled),
      notes,
    };
  } catch (error) {
    // Defensive: a bug here must not take the editor down with it.
    notes.push({ side: 'after', message: `The policies could not be compared: ${(error as Error).message}` });
    return { granted: [], revoked: [], denyAdded: [], denyRemoved: [], notes };
  }
}

export interface ServiceDiffSummary {
  /** Service prefix ("iam"), or the text before the colon of an action the catalog does not know. */
  service: string;
  granted: number;
  revoked: number;
  denyAdded: number;
  denyRemoved: number;
}

/** Counts of changed actions per service, sorted by service: a compact view when a change touches thousands. */
export function summarizeByService(diff: PolicyDiff): ServiceDiffSummary[] {
  const byService = new Map<string, ServiceDiffSummary>();
  const count = (entries: DiffEntry[], field: 'granted' | 'revoked' | 'denyAdded' | 'denyRemoved'): void => {
    const seen = new Set<string>();
    for (const { action } of entries) {
      if (seen.has(action)) continue; // one action may appear under several conditions
      seen.add(action);
      const colon = action.indexOf(':');
      const service = (colon > 0 ? action.slice(0, colon) : action).toLowerCase();
      let summary = byService.get(service);
      if (!summary) byService.set(service, (summary = { service, granted: 0, revoked: 0, denyAdded: 0, denyRemoved: 0 }));
      summary[field]++;
    }
  };
  count(diff.granted, 'granted');
  count(diff.revoked, 'revoked');
  count(diff.denyAdded, 'denyAdded');
  count(diff.denyRemoved, 'denyRemoved');
  return [...byService.values()].sort((a, b) => compareText(a.service, b.service));
}
