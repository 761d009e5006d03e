// Which actions a statement's Action/NotAction element covers, by IAM's case-insensitive wildcard matching.
import { compileWildcard, type Glob } from '../evaluate/glob.ts';
import type { StatementModel, StringEntry } from './model.ts';

const caseInsensitiveGlobs = new Map<string, Glob>();
const caseSensitiveGlobs = new Map<string, Glob>();

function globOf(pattern: string, caseInsensitive: boolean): Glob {
  const globs = caseInsensitive ? caseInsensitiveGlobs : caseSensitiveGlobs;
  let glob = globs.get(pattern);
  if (!glob) {
    if (globs.size > 5_000) globs.clear();
    glob = compileWildcard(pattern, caseInsensitive);
    globs.set(pattern, glob);
  }
  return glob;
}

/** True when the action pattern (e.g. "iam:Pass*") matches the action name; actions ignore case. */
export function patternMatches(pattern: string, action: string): boolean {
  if (!hasWildcard(pattern)) return pattern.length === action.length && pattern.toLowerCase() === action.toLowerCase();
  return globOf(pattern, true).test(action.toLowerCase());
}

/** True when the resource pattern matches the ARN text; ARNs are case-sensitive. */
export function resourcePatternMatches(pattern: string, arn: string): boolean {
  if (!hasWildcard(pattern)) return pattern === arn;
  return globOf(pattern, false).test(arn);
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** The entry of the statement's Action element that grants `action`, if any (NotAction: the element itself). */
export function grantingEntry(statement: StatementModel, action: string): StringEntry | undefined {
  const element = statement.action;
  if (!element) return undefined;
  if (element.name === 'NotAction') {
    if (element.entries.some((e) => patternMatches(e.value, action))) return undefined;
    return { value: 'NotAction', node: element.keyNode };
  }
  return element.entries.find((e) => patternMatches(e.value, action));
}
