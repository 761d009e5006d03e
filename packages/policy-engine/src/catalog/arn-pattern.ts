// Decides whether a policy's resource ARN (with * and ? wildcards and ${…} policy variables) can name a
// resource of a type whose ARN template is e.g. `arn:${Partition}:iam::${Account}:user/${UserNameWithPath}`.
// Both sides are patterns, so the question is whether their languages intersect; it is answered by a search
// over pairs of positions (a product automaton), which is exact for these simple patterns.

/**
 * One element of a compiled pattern: a literal character, one arbitrary character, or any run of characters.
 * `noColon` and `noSlash` keep a wildcard or variable from standing for a ':' or '/'.
 */
type Element =
  | { kind: 'char'; char: string }
  | { kind: 'one'; noColon: boolean; noSlash: boolean }
  | { kind: 'any'; noColon: boolean; noSlash: boolean };

export type CompiledArnPattern = readonly Element[];

/** How many colons precede the resource part of an ARN (arn:partition:service:region:account:resource). */
const HEAD_COLONS = 5;

/**
 * Compiles an ARN template from the catalog. `${Variable}`s match any text, except that partition, service,
 * region and account hold neither ':' nor '/', and a resource-part variable for which `slashFree(name)` holds
 * (a bucket name, see slash-free-variables.ts) holds no '/'. Other resource-part variables may contain '/' and
 * ':' (paths, log streams), which keeps the match permissive: a false "no resource type matches" is a false finding.
 */
export function compileArnTemplate(template: string, slashFree: (name: string) => boolean = () => false): CompiledArnPattern {
  const elements: Element[] = [];
  let colons = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c === '$' && template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      if (close !== -1) {
        const head = colons < HEAD_COLONS;
        elements.push({ kind: 'any', noColon: head, noSlash: head || slashFree(template.slice(i + 2, close)) });
        i = close;
        continue;
      }
    }
    if (c === ':') colons++;
    elements.push({ kind: 'char', char: c });
  }
  return elements;
}

/**
 * Compiles a policy resource ARN: `*` any run, `?` one character, `${…}` policy variables any run, except the
 * escapes `${*}`, `${?}`, `${$}` which stand for the literal character. When the ARN spells out all six fields,
 * wildcards in partition, service, region and account stay inside their field (IAM itself matches the whole
 * string, but no real partition or account contains a colon); otherwise a wildcard may stand for several fields.
 */
export function compilePolicyArn(arn: string): CompiledArnPattern {
  const elements: Element[] = [];
  const allFields = arn.split(':').length > HEAD_COLONS;
  let colons = 0;
  for (let i = 0; i < arn.length; i++) {
    const c = arn[i] as string;
    const noColon = allFields && colons < HEAD_COLONS;
    if (c === '*') elements.push({ kind: 'any', noColon, noSlash: false });
    else if (c === '?') elements.push({ kind: 'one', noColon, noSlash: false });
    else if (c === '$' && arn[i + 1] === '{') {
      const close = arn.indexOf('}', i + 2);
      if (close === -1) {
        elements.push({ kind: 'char', char: c });
        continue;
      }
      const inner = arn.slice(i + 2, close);
      if (inner === '*' || inner === '?' || inner === '$') elements.push({ kind: 'char', char: inner });
      else elements.push({ kind: 'any', noColon, noSlash: false });
      i = close;
    } else {
      if (c === ':') colons++;
      elements.push({ kind: 'char', char: c });
    }
  }
  return elements;
}

function canEmit(element: Element, char: string): boolean {
  if (element.kind === 'char') return element.char === char;
  return !(element.noColon && char === ':') && !(element.noSlash && char === '/');
}

/** True when `wide` can stand for every character `narrow` can. */
function emitsAll(wide: Element, narrow: Element): boolean {
  if (narrow.kind === 'char') return canEmit(wide, narrow.char);
  if (wide.kind === 'char') return false;
  return (!wide.noColon || narrow.noColon) && (!wide.noSlash || narrow.noSlash);
}

/**
 * Depth-first search over pairs of positions (i in a, j in b), from (0, 0) to (aLength, bLength); `step`
 * offers the successors of a pair through `visit`. Each pair is explored once.
 */
function reachesEnd(aLength: number, bLength: number, step: (i: number, j: number, visit: (i: number, j: number) => void) => void): boolean {
  const width = bLength + 1;
  const size = (aLength + 1) * width;
  // One scratch buffer for all searches (they never nest): lookups run by the hundred per policy.
  if (seenScratch.length < size) seenScratch = new Uint8Array(Math.max(size, seenScratch.length * 2));
  const seen = seenScratch;
  seen.fill(0, 0, size);
  const stack: number[] = [0];
  seen[0] = 1;
  const visit = (i: number, j: number): void => {
    const state = i * width + j;
    if (seen[state] === 0) {
      seen[state] = 1;
      stack.push(state);
    }
  };
  while (stack.length > 0) {
    const state = stack.pop() as number;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === aLength && j === bLength) return true;
    step(i, j, visit);
  }
  return false;
}

let seenScratch = new Uint8Array(4096);

/** True when some string matches both patterns. */
export function patternsIntersect(a: CompiledArnPattern, b: CompiledArnPattern): boolean {
  return reachesEnd(a.length, b.length, (i, j, visit) => {
    const x = a[i];
    const y = b[j];
    // A run may end without consuming anything.
    if (x?.kind === 'any') visit(i + 1, j);
    if (y?.kind === 'any') visit(i, j + 1);
    if (x === undefined || y === undefined) return;
    // Both consume one common character; a run stays where it is, anything else advances.
    const nextI = x.kind === 'any' ? i : i + 1;
    const nextJ = y.kind === 'any' ? j : j + 1;
    if (nextI === i && nextJ === j) return;
    let compatible: boolean;
    if (x.kind === 'char') compatible = canEmit(y, x.char);
    else if (y.kind === 'char') compatible = canEmit(x, y.char);
    else compatible = true; // wildcard against wildcard: a letter satisfies both
    if (compatible) visit(nextI, nextJ);
  });
}

/**
 * True when every string `specific` can match is also matched by `general` (e.g. `arn:aws:s3:::*` covers
 * `arn:aws:s3:::b/*`). Checked syntactically: a wildcard of `specific` must meet a wildcard of `general` at
 * least as wide. Sound (never claims a cover that is not one) but may miss unusual covers, such as `a*` by `a?*`.
 */
export function patternCovers(general: CompiledArnPattern, specific: CompiledArnPattern): boolean {
  return reachesEnd(general.length, specific.length, (i, j, visit) => {
    const g = general[i];
    const s = specific[j];
    if (g?.kind === 'any') visit(i + 1, j);
    if (g === undefined || s === undefined) return;
    if (g.kind === 'any') {
      if (emitsAll(g, s)) visit(i, j + 1);
    } else if (g.kind === 'one') {
      if (s.kind !== 'any' && emitsAll(g, s)) visit(i + 1, j + 1);
    } else if (s.kind === 'char' && s.char === g.char) visit(i + 1, j + 1);
  });
}
