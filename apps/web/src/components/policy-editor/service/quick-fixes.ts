// Quick fixes for the findings whose fix is certain: a missing or outdated Version, a Sid another statement
// already uses, and an action the same statement already grants (listed twice or covered by a wildcard).
import type { Node } from 'jsonc-parser';
import { parseSource, propertyValue, statementNodes } from '@iam-console/policy-engine/source/source-text.ts';
import type { Finding } from '@iam-console/policy-engine/validate/finding.ts';
import type { QuickFix } from './protocol.ts';

const CURRENT_VERSION = '2012-10-17';

/** The indentation of the line `offset` is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The findings about the Version element that 2012-10-17 settles (the engine's codes for a missing or old one). */
const VERSION_CODES = new Set(['MISSING_VERSION', 'MANAGED_POLICY_VERSION_REQUIRED', 'OUTDATED_VERSION']);

function setVersion(text: string, root: Node): QuickFix | undefined {
  if (root.type !== 'object') return undefined;
  const existing = propertyValue(root, 'Version');
  if (existing) {
    if (existing.value === CURRENT_VERSION) return undefined;
    return { title: `Set "Version" to "${CURRENT_VERSION}"`, edits: [{ offset: existing.offset, length: existing.length, text: `"${CURRENT_VERSION}"` }] };
  }
  const first = root.children?.[0];
  const title = `Add "Version": "${CURRENT_VERSION}"`;
  if (!first) return { title, edits: [{ offset: root.offset + 1, length: 0, text: `"Version": "${CURRENT_VERSION}"` }] };
  // Written before the first element, on its own line with that element's indentation when it has one.
  const between = text.slice(root.offset + 1, first.offset);
  const separator = between.includes('\n') ? `\n${indentAt(text, first.offset)}` : ' ';
  return { title, edits: [{ offset: first.offset, length: 0, text: `"Version": "${CURRENT_VERSION}",${separator}` }] };
}

function uniqueSid(text: string, root: Node, sidNode: Node): QuickFix | undefined {
  if (sidNode.type !== 'string' || typeof sidNode.value !== 'string') return undefined;
  const used = new Set(statementNodes(root).map((s) => propertyValue(s, 'Sid')?.value).filter((v): v is string => typeof v === 'string'));
  const base = sidNode.value.replace(/\d+$/, '') || 'Statement';
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  const sid = `${base}${n}`;
  return { title: `Rename the Sid to ${sid}`, edits: [{ offset: sidNode.offset, length: sidNode.length, text: JSON.stringify(sid) }] };
}

/** The Sid value node a UNIQUE_SIDS finding marks. */
function sidNodeAt(root: Node, offset: number): Node | undefined {
  for (const statement of statementNodes(root)) {
    const sid = propertyValue(statement, 'Sid');
    if (sid && sid.offset === offset) return sid;
  }
  return undefined;
}

/** The element of an Action or NotAction array that starts at `offset`, with the array. */
function actionEntryAt(root: Node, offset: number): { list: Node; index: number } | undefined {
  for (const statement of statementNodes(root)) {
    for (const name of ['Action', 'NotAction']) {
      const list = propertyValue(statement, name);
      const index = list?.type === 'array' ? (list.children ?? []).findIndex((child) => child.offset === offset) : -1;
      if (list && index >= 0) return { list, index };
    }
  }
  return undefined;
}

/** Removes exactly that array element and one comma next to it (the following one, or for the last the one before). */
function removeRedundantAction(root: Node, offset: number): QuickFix | undefined {
  const found = actionEntryAt(root, offset);
  if (!found) return undefined;
  const siblings = found.list.children ?? [];
  const entry = siblings[found.index]!;
  const next = siblings[found.index + 1];
  const previous = siblings[found.index - 1];
  if (!next && !previous) return undefined;
  const from = next ? entry.offset : previous!.offset + previous!.length;
  const to = next ? next.offset : entry.offset + entry.length;
  return { title: `Remove redundant action ${String(entry.value)}`, edits: [{ offset: from, length: to - from, text: '' }] };
}

const fixable = (code: string) => VERSION_CODES.has(code) || code.startsWith('UNIQUE_SIDS_') || code === 'REDUNDANT_ACTION';

/** The certain fixes of each finding (by index in `findings`); findings without one are absent. */
export function quickFixes(text: string, findings: readonly Finding[]): Map<number, QuickFix[]> {
  const fixes = new Map<number, QuickFix[]>();
  if (!findings.some((f) => fixable(f.issueCode))) return fixes;
  const root = parseSource(text).tree;
  if (!root) return fixes;
  findings.forEach((finding, index) => {
    let fix: QuickFix | undefined;
    if (VERSION_CODES.has(finding.issueCode)) fix = setVersion(text, root);
    else if (finding.issueCode.startsWith('UNIQUE_SIDS_')) {
      const node = sidNodeAt(root, finding.range.offset);
      fix = node ? uniqueSid(text, root, node) : undefined;
    } else if (finding.issueCode === 'REDUNDANT_ACTION') fix = removeRedundantAction(root, finding.range.offset);
    if (fix) fixes.set(index, [fix]);
  });
  return fixes;
}
