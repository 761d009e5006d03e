// ARN-aware wildcard matching: each of the first five colon-separated parts (arn, partition, service, region,
// account) is matched on its own, then the resource part, so `*` in the region cannot swallow the account.
import { compileGlob, matchPieces, type Glob, type PatternPiece } from './glob.ts';

let lastText: string | undefined;
let lastParts: readonly string[] | undefined;

/**
 * Splits at the first five colons: six parts, or undefined when the text is not shaped like an ARN.
 * The last split is remembered: one request's resource is tested against many patterns in a row.
 */
export function splitArn(text: string): readonly string[] | undefined {
  if (text === lastText) return lastParts;
  lastText = text;
  lastParts = splitArnUncached(text);
  return lastParts;
}

function splitArnUncached(text: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Splits pattern pieces the same way; colons inside variable values (non-wild pieces) do not split. */
export function splitArnPieces(pieces: readonly PatternPiece[]): PatternPiece[][] | undefined {
  const parts: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    if (!piece.wild || parts.length === 6) {
      parts[parts.length - 1]!.push(piece);
      continue;
    }
    let from = 0;
    let colon = piece.text.indexOf(':');
    while (colon >= 0 && parts.length < 6) {
      parts[parts.length - 1]!.push({ text: piece.text.slice(from, colon), wild: true });
      parts.push([]);
      from = colon + 1;
      colon = piece.text.indexOf(':', from);
    }
    parts[parts.length - 1]!.push({ text: piece.text.slice(from), wild: true });
  }
  return parts.length === 6 ? parts : undefined;
}

/** A compiled ARN pattern; falls back to whole-string matching for patterns not shaped like an ARN (`*`, `arn:aws:*`). */
export function compileArnPattern(pieces: readonly PatternPiece[]): Glob {
  const parts = splitArnPieces(pieces);
  if (!parts) return compileGlob(pieces);
  const globs = parts.map((p) => compileGlob(p));
  return {
    test(text) {
      const actual = splitArn(text);
      if (!actual) return false;
      for (let i = 0; i < 6; i++) if (!globs[i]!.test(actual[i]!)) return false;
      return true;
    },
  };
}

/** One-off ARN match for patterns holding resolved variables. */
export function matchArnPieces(pieces: readonly PatternPiece[], text: string): boolean {
  const parts = splitArnPieces(pieces);
  if (!parts) return matchPieces(pieces, text);
  const actual = splitArn(text);
  if (!actual) return false;
  for (let i = 0; i < 6; i++) if (!matchPieces(parts[i]!, actual[i]!)) return false;
  return true;
}
