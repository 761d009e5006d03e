import { describe, expect, it } from 'vitest';
import { parseSource, propertyValue, statementNodes } from '../src/source/source-text.ts';

describe('parseSource', () => {
  it('gives line/column ranges for nodes', () => {
    const parsed = parseSource('{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow"}]\n}');
    const version = propertyValue(parsed.tree, 'Version')!;
    expect(parsed.rangeAt(version.offset, version.length).start).toEqual({ line: 1, column: 13 });
    expect(statementNodes(parsed.tree)).toHaveLength(1);
    expect(parsed.syntaxProblems).toEqual([]);
  });

  it('reports syntax problems instead of throwing', () => {
    const parsed = parseSource('{"Version": ');
    expect(parsed.syntaxProblems.length).toBeGreaterThan(0);
    expect(parsed.syntaxProblems[0]!.message).toMatch(/JSON syntax error/);
  });

  it('refuses absurd nesting without recursion', () => {
    const parsed = parseSource('['.repeat(10_000));
    expect(parsed.tree).toBeUndefined();
    expect(parsed.syntaxProblems[0]!.message).toMatch(/nests more than/);
  });

  it('handles CRLF line endings', () => {
    const parsed = parseSource('{\r\n"a": 1}');
    const a = propertyValue(parsed.tree, 'a')!;
    expect(parsed.rangeAt(a.offset, a.length).start).toEqual({ line: 1, column: 5 });
  });
});
