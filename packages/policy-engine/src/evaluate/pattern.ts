// A wildcard pattern from policy text that may hold policy variables: compiled once when it has none,
// otherwise resolved against each request (a variable without value makes the pattern match nothing).
import { compileArnPattern, matchArnPieces } from './arn.ts';
import type { RequestContext } from './context.ts';
import { compileGlob, matchPieces, type Glob } from './glob.ts';
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

export function wildPatternMatches(pattern: WildPattern, text: string, context: RequestContext): boolean {
  if (pattern.glob) return pattern.glob.test(text);
  const pieces = resolvePieces(pattern.template, context);
  if (pieces === undefined) return false;
  return pattern.arn ? matchArnPieces(pieces, text) : matchPieces(pieces, text);
}
