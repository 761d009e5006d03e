// Policy variables (UG "IAM policy elements: Variables and tags"): `${aws:username}`, `${aws:PrincipalTag/x}`,
// the fixed `${*}`, `${?}`, `${$}`, and defaults `${aws:username, 'x'}`. Only policies with Version 2012-10-17
// have variables; in others `${…}` is literal text.
import type { PatternPiece } from './glob.ts';
import type { RequestContext } from './context.ts';

/** `variable` is the lower-cased key for look-ups; `name` the key as written. */
export type TemplatePart = PatternPiece | { variable: string; name: string; fallback?: string };

/** A policy string split into literal text and variables, parsed once at compile time. */
export interface Template {
  source: string;
  parts: readonly TemplatePart[];
  hasVariables: boolean;
  /** The plain text when there are no variables (`${*}` & co. already replaced), so equality tests allocate nothing. */
  literal?: string;
}

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;
const SPECIAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };

export function parseTemplate(source: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !source.includes('${')) {
    return { source, parts: [{ text: source, wild: true }], hasVariables: false, literal: source };
  }
  const parts: TemplatePart[] = [];
  let last = 0;
  let hasVariables = false;
  for (const m of source.matchAll(VARIABLE)) {
    const inner = m[1]!;
    const before = source.slice(last, m.index);
    const special = SPECIAL[inner];
    const withDefault = WITH_DEFAULT.exec(inner);
    const name = inner.trim();
    if (special !== undefined) {
      if (before) parts.push({ text: before, wild: true });
      parts.push({ text: special, wild: false });
    } else if (withDefault) {
      if (before) parts.push({ text: before, wild: true });
      parts.push({ variable: withDefault[1]!.toLowerCase(), name: withDefault[1]!, fallback: withDefault[2]! });
      hasVariables = true;
    } else if (name && !/[\s,']/.test(name)) {
      if (before) parts.push({ text: before, wild: true });
      parts.push({ variable: name.toLowerCase(), name });
      hasVariables = true;
    } else {
      // Not a variable we understand: keep it as literal text.
      parts.push({ text: before + m[0], wild: true });
    }
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last), wild: true });
  const template: Template = { source, parts, hasVariables };
  if (!hasVariables) template.literal = joinPieces(literalPieces(template));
  return template;
}

/**
 * Substitutes the variables from the request. A variable with no value (and no default) makes the whole
 * value "null": undefined is returned and the caller treats it as matching nothing.
 */
export function resolvePieces(template: Template, context: RequestContext): PatternPiece[] | undefined {
  const pieces: PatternPiece[] = [];
  for (const part of template.parts) {
    if ('text' in part) pieces.push(part);
    else {
      const value = context.single(part.variable) ?? part.fallback;
      if (value === undefined) return undefined;
      pieces.push({ text: value, wild: false });
    }
  }
  return pieces;
}

/** The pieces of a template without variables (special `${*}` & co. stay literal pieces). */
export function literalPieces(template: Template): PatternPiece[] {
  return template.parts.filter((p): p is PatternPiece => 'text' in p);
}

/** The plain string value of a template (wildcards are not special here), or undefined when unresolvable. */
export function resolveString(template: Template, context: RequestContext): string | undefined {
  if (template.literal !== undefined) return template.literal;
  const pieces = resolvePieces(template, context);
  return pieces ? joinPieces(pieces) : undefined;
}

function joinPieces(pieces: readonly PatternPiece[]): string {
  return pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
}

/** The context keys a template's variables read, as written. */
export function variableNames(template: Template): string[] {
  return template.parts.flatMap((p) => ('variable' in p ? [p.name] : []));
}
