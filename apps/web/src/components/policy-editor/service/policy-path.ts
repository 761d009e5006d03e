// Where in a policy document a JSON path points: the root, or a statement and the path inside it. Statement may
// be one object or an array of them, as IAM allows.
import type { JSONPath, Node } from 'jsonc-parser';
import { nodeValue, statementNodes } from '@iam-console/policy-engine/source/source-text.ts';

export interface PolicyPlace {
  /** Undefined at the root of the document. */
  statement?: { index: number; rest: JSONPath };
  /** The path from the document's root. */
  path: JSONPath;
}

export function placeOf(path: JSONPath): PolicyPlace {
  if (path[0] !== 'Statement' || path.length < 2) return { path };
  if (typeof path[1] === 'number') return path.length < 3 ? { path } : { path, statement: { index: path[1], rest: path.slice(2) } };
  return { path, statement: { index: 0, rest: path.slice(1) } };
}

/** The list element names of a statement's Action, NotAction, Resource… (a string or an array of strings). */
export function statementStrings(tree: Node | undefined, index: number, element: string): string[] {
  const statement = statementNodes(tree)[index];
  const value = statement?.children?.find((p) => p.children?.[0]?.value === element)?.children?.[1];
  if (!value) return [];
  const plain = nodeValue(value);
  if (typeof plain === 'string') return [plain];
  return Array.isArray(plain) ? plain.filter((item): item is string => typeof item === 'string') : [];
}

/** "Action" for [..., 'Action'] and [..., 'Action', 2]: the element a value belongs to. */
export function elementOf(rest: JSONPath): string | undefined {
  const [first, second] = rest;
  if (typeof first !== 'string') return undefined;
  if (rest.length === 1 || (rest.length === 2 && typeof second === 'number')) return first;
  return undefined;
}
