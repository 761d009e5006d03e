import { parseTree, printParseErrorCode, visit, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';

/** jsonc-parser's error codes, said the way a person fixing the text needs to hear them. */
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'this is not a valid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon (:) is expected',
  CommaExpected: 'a comma (,) is expected',
  CloseBraceExpected: 'a closing brace (}) is expected',
  CloseBracketExpected: 'a closing bracket (]) is expected',
  EndOfFileExpected: 'the text continues after the end of the JSON document',
  InvalidCommentToken: 'comments are not allowed in a policy',
  UnexpectedEndOfComment: 'comments are not allowed in a policy',
  UnexpectedEndOfString: 'the string is not closed with a double quote',
  UnexpectedEndOfNumber: 'the number is incomplete',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character after a backslash',
  InvalidCharacter: 'control characters must be escaped inside strings',
};

/** A zero-based line/column position, as editors (Monaco uses one-based; convert at the edge) expect. */
export interface Position {
  line: number;
  column: number;
}

/** A half-open range [start, end) in a policy text. `offset`/`length` are kept for editors that prefer them. */
export interface SourceRange {
  start: Position;
  end: Position;
  offset: number;
  length: number;
}

export interface SyntaxProblem {
  message: string;
  range: SourceRange;
}

/** A policy text parsed once: the JSON tree with offsets, the plain value, and any syntax problems. */
export interface ParsedSource {
  text: string;
  /** Undefined when the text holds no JSON value at all. */
  tree: Node | undefined;
  /** The JSON value (best effort when the text has syntax errors); built on first access. */
  readonly value: unknown;
  syntaxProblems: SyntaxProblem[];
  /** Converts an offset/length pair into a line/column range. */
  rangeAt(offset: number, length: number): SourceRange;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, column: offset - lineStarts[low]! };
}

const MAX_NESTING = 200;

/** Depth guard: jsonc-parser recurses per nesting level, so absurdly deep input is refused up front. */
function exceedsNesting(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

const STRICT_JSON: ParseOptions = { allowTrailingComma: false, disallowComments: true };

/** What both parse modes share: positions for offsets, and the nesting guard's verdict. */
function prepare(text: string): { rangeAt: ParsedSource['rangeAt']; problems(errors: readonly ParseError[]): SyntaxProblem[]; tooDeep: SyntaxProblem | undefined } {
  const lineStarts = lineStartsOf(text);
  const rangeAt = (offset: number, length: number): SourceRange => ({
    start: positionAt(lineStarts, offset),
    end: positionAt(lineStarts, offset + length),
    offset,
    length,
  });
  // At least one character to underline, inside the text: an error at the end marks the last character.
  const problemRange = (offset: number, length: number): SourceRange => {
    if (text.length === 0) return rangeAt(0, 0);
    const start = Math.min(offset, text.length - 1);
    return rangeAt(start, Math.min(Math.max(length, 1), text.length - start));
  };
  const problems = (errors: readonly ParseError[]): SyntaxProblem[] =>
    errors.map((e) => ({
      message: `JSON syntax error: ${SYNTAX_MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
      range: problemRange(e.offset, e.length),
    }));
  const deepAt = exceedsNesting(text);
  const tooDeep = deepAt >= 0 ? { message: `The document nests more than ${MAX_NESTING} levels deep.`, range: problemRange(deepAt, 1) } : undefined;
  return { rangeAt, problems, tooDeep };
}

/** Parses any string into a tree with positions. Never throws. */
export function parseSource(text: string): ParsedSource {
  const { rangeAt, problems, tooDeep } = prepare(text);
  if (tooDeep) return { text, tree: undefined, value: undefined, syntaxProblems: [tooDeep], rangeAt };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT_JSON);
  const syntaxProblems = problems(errors);
  // The plain value is built on first use: validation works on the tree alone and skips the copy.
  let value: unknown;
  let valueBuilt = false;
  return {
    text,
    tree,
    get value(): unknown {
      if (!valueBuilt) {
        valueBuilt = true;
        try {
          value = tree ? nodeValue(tree) : undefined;
        } catch {
          value = undefined;
        }
      }
      return value;
    },
    syntaxProblems,
    rangeAt,
  };
}

/** How many syntax problems scanSource keeps: the first ones are what a person fixes first. */
const MAX_SCANNED_PROBLEMS = 100;

/**
 * Checks only the JSON syntax, without building a tree (`tree` is undefined): for documents too large to
 * check element by element, where a tree of hundreds of thousands of nodes would cost more than it tells.
 * Never throws.
 */
export function scanSource(text: string): ParsedSource {
  const { rangeAt, problems, tooDeep } = prepare(text);
  if (tooDeep) return { text, tree: undefined, value: undefined, syntaxProblems: [tooDeep], rangeAt };
  try {
    return { text, tree: undefined, value: JSON.parse(text) as unknown, syntaxProblems: [], rangeAt };
  } catch {
    // Not JSON: let jsonc-parser say where (it recurses per level, which the nesting guard has bounded).
  }
  const errors: ParseError[] = [];
  visit(text, { onError: (error, offset, length) => void (errors.length < MAX_SCANNED_PROBLEMS && errors.push({ error, offset, length })) }, STRICT_JSON);
  return { text, tree: undefined, value: undefined, syntaxProblems: problems(errors), rangeAt };
}

/** Like jsonc-parser's getNodeValue, but keeps the first of duplicate keys out of the way: the last wins, as in JSON.parse. */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const result: Record<string, unknown> = Object.create(null);
      for (const prop of node.children ?? []) {
        const [key, val] = prop.children ?? [];
        if (key && typeof key.value === 'string') result[key.value] = val ? nodeValue(val) : undefined;
      }
      return result;
    }
    default:
      return node.value;
  }
}

/** The property node (key + value) named `key` in an object node, if any. Case-sensitive, as IAM is. */
export function propertyNode(objectNode: Node | undefined, key: string): Node | undefined {
  if (!objectNode || objectNode.type !== 'object') return undefined;
  return objectNode.children?.find((p) => p.children?.[0]?.value === key);
}

/** The value node of property `key` in an object node. */
export function propertyValue(objectNode: Node | undefined, key: string): Node | undefined {
  return propertyNode(objectNode, key)?.children?.[1];
}

/** Statement nodes of a policy tree: `Statement` may be one object or an array of them. */
export function statementNodes(tree: Node | undefined): Node[] {
  const statement = propertyValue(tree, 'Statement');
  if (!statement) return [];
  if (statement.type === 'object') return [statement];
  if (statement.type === 'array') return statement.children ?? [];
  return [];
}
