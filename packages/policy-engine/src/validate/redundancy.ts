// Suggestions for things listed more than once: an action or resource already covered by another entry of
// the same statement, and statements that repeat another one.
import type { Node } from 'jsonc-parser';
import { nodeValue } from '../source/source-text.ts';
import type { CheckContext } from './context.ts';
import { hasWildcard, patternMatches, resourcePatternMatches } from './action-match.ts';
import type { ListElement, PolicyModel, StringEntry } from './model.ts';

interface Indexed {
  entry: StringEntry;
  index: number;
  /** The text compared for duplicates: actions ignore case, ARNs do not. */
  folded: string;
  wild: boolean;
}

/** The part before the first colon: an action's service, or "arn" for every ARN (then the ARN's service). */
function groupOf(text: string, kind: 'action' | 'resource'): string {
  const parts = text.split(':', kind === 'action' ? 1 : 3);
  const group = kind === 'action' ? parts[0]!.toLowerCase() : (parts[2] ?? '');
  return hasWildcard(group) || text === '*' ? '*' : group;
}

/**
 * For each entry, another entry that already covers it (an earlier duplicate, or a wildcard matching it).
 * Entries are compared only within their service and against wildcard services, so a policy listing
 * thousands of actions is checked in near-linear time.
 */
function coveredEntries(entries: readonly StringEntry[], kind: 'action' | 'resource'): [StringEntry, StringEntry][] {
  const groups = new Map<string, Indexed[]>();
  for (const [index, entry] of entries.entries()) {
    const item = { entry, index, folded: kind === 'action' ? entry.value.toLowerCase() : entry.value, wild: hasWildcard(entry.value) };
    const key = groupOf(entry.value, kind);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  const anyService = groups.get('*') ?? [];
  const matches = kind === 'action' ? patternMatches : resourcePatternMatches;
  const covered: [StringEntry, StringEntry][] = [];
  for (const [key, group] of groups) {
    const firstByText = new Map<string, Indexed>();
    const wildcards = [...group.filter((i) => i.wild), ...(key === '*' ? [] : anyService.filter((i) => i.wild))];
    for (const item of group) {
      const earlier = firstByText.get(item.folded);
      if (earlier) {
        covered.push([item.entry, earlier.entry]);
        continue;
      }
      firstByText.set(item.folded, item);
      // A wildcard entry is only reported as covered by "*"; comparing two patterns exactly is not worth it.
      const cover = wildcards.find((w) => w !== item && w.folded !== item.folded && (item.wild ? w.entry.value === '*' : matches(w.entry.value, item.entry.value)));
      if (cover) covered.push([item.entry, cover.entry]);
    }
  }
  return covered;
}

function checkList(ctx: CheckContext, element: ListElement | undefined, kind: 'action' | 'resource'): void {
  if (!element || element.entries.length < 2) return;
  for (const [entry, cover] of coveredEntries(element.entries, kind)) {
    const why = cover.value.toLowerCase() === entry.value.toLowerCase() ? 'is listed twice' : `is already covered by ${cover.value}`;
    if (kind === 'action') ctx.report('REDUNDANT_ACTION', entry.node, `The action ${entry.value} ${why} in ${element.name}; remove it.`);
    else ctx.report('REDUNDANT_RESOURCE', entry.node, `The resource ${entry.value} ${why} in ${element.name}; remove it.`);
  }
}

/** A canonical text of a statement without its Sid, for comparing statements. */
function canonical(node: Node): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'Sid');
      return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sort(v)]));
    }
    return value;
  };
  return JSON.stringify(sort(nodeValue(node)));
}

/** Real policies have tens of statements (the largest quota fits about a hundred); beyond this, skip the comparison. */
const MAX_COMPARED_STATEMENTS = 1_000;

export function checkRedundancy(ctx: CheckContext, policy: PolicyModel): void {
  const seen = new Map<string, number>();
  const compare = policy.statements.length <= MAX_COMPARED_STATEMENTS;
  for (const statement of policy.statements) {
    if (ctx.full) return;
    checkList(ctx, statement.action, 'action');
    checkList(ctx, statement.resource, 'resource');
    if (!compare) continue;
    const key = canonical(statement.node);
    const earlier = seen.get(key);
    if (earlier !== undefined) ctx.report('REDUNDANT_STATEMENT', { ...statement.node, length: 1 }, `This statement repeats statement ${earlier + 1}; remove one of them.`);
    else seen.set(key, statement.index);
  }
}
