// A wildcard pattern from policy text that may hold policy variables: compiled once when it has none,
// otherwise resolved against each request (a variable without value makes the pattern match nothing).
import { compileArnPattern, matchArnPieces, splitArnPieces } from './arn.ts';
import type { RequestContext } from './context.ts';
import { compileGlob, matchPieces, type Glob, type PatternPiece } from './glob.ts';
import { literalPieces, parseTemplate, resolvePieces, type Template } from './variables.ts';

export interface WildPattern {
  template: Template;
  /** Matches colon-separated ARN parts one by one (Resource, ArnLike) rather than the whole string (StringLike). */
  arn: boolean;
  /** Precompiled when the pattern has no variables. */
  glob?: Glob;
}

export function compileWildPattern(raw: string, variablesEnabled: boolean, arn: boolean): WildPattern {
  const template = parseTemplate(raw, variablesEnabled);
  if (template.hasVariables) return { template, arn };
  const pieces = literalPieces(template);
  return { template, arn, glob: arn ? compileArnPattern(pieces) : compileGlob(pieces) };
}

/** Result of matching a pattern whose policy variable has no value in the request. */
export const UNRESOLVED = -1;

function piecesMatch(pattern: WildPattern, pieces: readonly PatternPiece[], text: string): boolean {
  return pattern.arn ? matchArnPieces(pieces, text) : matchPieces(pieces, text);
}

const ANY: PatternPiece = { text: '*', wild: true };
/** Stands for a variable without value while splitting a pattern into ARN parts (compared by identity). */
const HOLE: PatternPiece = { text: '', wild: false };
const COLON: PatternPiece = { text: ':', wild: false };

/**
 * With a variable that has no value, the ARN part holding it could be anything: the pattern is undecided
 * (UNRESOLVED) when its other parts (partition, service, region, account) match, and simply does not match
 * when they already rule the text out (another service or account). Non-ARN patterns try the variable as `*`.
 */
function unresolvedOutcome(pattern: WildPattern, text: string): number {
  const parts = pattern.arn ? splitArnPieces(pattern.template.parts.map((p) => ('text' in p ? p : HOLE))) : undefined;
  const widened = parts
    ? parts.flatMap((part, i) => [...(i > 0 ? [COLON] : []), ...(part.includes(HOLE) ? [ANY] : part)])
    : pattern.template.parts.map((p) => ('text' in p ? p : ANY));
  return piecesMatch(pattern, widened, text) ? UNRESOLVED : 0;
}

/** 1 when the pattern matches, 0 when not, UNRESOLVED when a variable without value decides it. */
export function matchWildPattern(pattern: WildPattern, text: string, context: RequestContext): number {
  if (pattern.glob) return pattern.glob.test(text) ? 1 : 0;
  const pieces = resolvePieces(pattern.template, context);
  if (pieces !== undefined) return piecesMatch(pattern, pieces, text) ? 1 : 0;
  return unresolvedOutcome(pattern, text);
}

export function wildPatternMatches(pattern: WildPattern, text: string, context: RequestContext): boolean {
  return matchWildPattern(pattern, text, context) === 1;
}
