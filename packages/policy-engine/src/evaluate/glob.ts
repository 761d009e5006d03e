// Wildcard matching for IAM patterns: `*` matches any run of characters (also none), `?` exactly one.
// A pattern is a list of pieces; only the policy's own text has wildcard meaning, so a piece that came from a
// policy variable (or `${*}`) is matched literally.

/** Code for "any run" in a compiled pattern; real characters are their UTF-16 codes (>= 0). */
const ANY_RUN = -1;
/** Code for "exactly one character". */
const ANY_ONE = -2;

export interface PatternPiece {
  text: string;
  /** true when `*` and `?` in `text` are wildcards. */
  wild: boolean;
}

/** A compiled wildcard pattern with fast paths for the common shapes. */
export interface Glob {
  /** Tests `text` (already lower-cased by the caller for case-insensitive matching). */
  test(text: string): boolean;
}

const MATCH_ALL: Glob = { test: () => true };

function codesOf(pieces: readonly PatternPiece[], lowerCase: boolean): number[] {
  const codes: number[] = [];
  for (const piece of pieces) {
    const text = lowerCase ? piece.text.toLowerCase() : piece.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (piece.wild && c === 42) {
        if (codes[codes.length - 1] !== ANY_RUN) codes.push(ANY_RUN);
      } else if (piece.wild && c === 63) codes.push(ANY_ONE);
      else codes.push(c);
    }
  }
  return codes;
}

/** Classic greedy wildcard match with single backtracking point; linear for patterns without many stars. */
function matchCodes(codes: readonly number[], text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  const n = text.length;
  const m = codes.length;
  while (t < n) {
    const c = p < m ? codes[p]! : -3;
    if (c === ANY_ONE || c === text.charCodeAt(t)) {
      p++;
      t++;
    } else if (c === ANY_RUN) {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < m && codes[p] === ANY_RUN) p++;
  return p === m;
}

/** Compiles pattern pieces once; `lowerCase` folds the pattern (callers fold the text). */
export function compileGlob(pieces: readonly PatternPiece[], lowerCase = false): Glob {
  const codes = codesOf(pieces, lowerCase);
  if (codes.length === 1 && codes[0] === ANY_RUN) return MATCH_ALL;
  const wildAt = codes.findIndex((c) => c < 0);
  let literal = '';
  for (const c of codes.slice(0, wildAt < 0 ? codes.length : wildAt)) literal += String.fromCharCode(c);
  if (wildAt < 0) return { test: (text) => text === literal };
  if (wildAt === codes.length - 1 && codes[wildAt] === ANY_RUN) return { test: (text) => text.startsWith(literal) };
  return { test: (text) => matchCodes(codes, text) };
}

/** Compiles a plain policy string (every `*`/`?` a wildcard). */
export function compileWildcard(pattern: string, lowerCase = false): Glob {
  return compileGlob([{ text: pattern, wild: true }], lowerCase);
}

/** Matches `text` against a pattern given as pieces, without caching (for patterns holding resolved variables). */
export function matchPieces(pieces: readonly PatternPiece[], text: string, lowerCase = false): boolean {
  return matchCodes(codesOf(pieces, lowerCase), text);
}
