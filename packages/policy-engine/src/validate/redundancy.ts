// Suggestions for things listed more than once: an action or resource already covered by another entry of
// the same statement, and statements that repeat another one.
import type { Node } from 'jsonc-parser';
import { nodeValue } from '../source/source-text.ts';
import type { CheckContext } from './context.ts';
import { hasWildcard, patternMatches, resourcePatternMatches } from './action-match.ts';
import type { ListElement, PolicyModel, StringEntry } from './model.ts';

/** The other entry that already covers `entry` (duplicate, or a wildcard matching it). */
function coveringEntry(entry: StringEntry, entries: readonly StringEntry[], caseInsensitive: boolean, index: number): StringEntry | undefined {
  const fold = (s: string): string => (caseInsensitive ? s.toLowerCase() : s);
  return entries.find((other, i) => {
    if (i === index) return false;
    if (fold(other.value) === fold(entry.value)) return i < index; // the later duplicate is the redundant one
    if (!hasWildcard(other.value)) return false;
    if (hasWildcard(entry.value) && other.value !== '*') return false;
    return caseInsensitive ? patternMatches(other.value, entry.value) : resourcePatternMatches(other.value, entry.value);
  });
}

function checkList(ctx: CheckContext, element: ListElement | undefined, kind: 'action' | 'resource'): void {
  if (!element || element.entries.length < 2 || element.entries.length > 2_000) return;
  element.entries.forEach((entry, index) => {
    const cover = coveringEntry(entry, element.entries, kind === 'action', index);
    if (!cover) return;
    const why = cover.value.toLowerCase() === entry.value.toLowerCase() ? 'is listed twice' : `is already covered by ${cover.value}`;
    if (kind === 'action') ctx.report('REDUNDANT_ACTION', entry.node, `The action ${entry.value} ${why} in ${element.name}; remove it.`);
    else ctx.report('REDUNDANT_RESOURCE', entry.node, `The resource ${entry.value} ${why} in ${element.name}; remove it.`);
  });
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
    checkList(ctx, statement.action, 'action');
    checkList(ctx, statement.resource, 'resource');
    if (!compare) continue;
    const key = canonical(statement.node);
    const earlier = seen.get(key);
    if (earlier !== undefined) ctx.report('REDUNDANT_STATEMENT', { ...statement.node, length: 1 }, `This statement repeats statement ${earlier + 1}; remove one of them.`);
    else seen.set(key, statement.index);
  }
}
