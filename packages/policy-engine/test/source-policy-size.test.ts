import { describe, expect, it } from 'vitest';
import { measurePolicySize } from '../src/source/policy-size.ts';
import { scanSource } from '../src/source/source-text.ts';

describe('scanSource', () => {
  it('gives the value of valid JSON and no tree', () => {
    const scanned = scanSource('{"a": [1, 2]}');
    expect(scanned.tree).toBeUndefined();
    expect(scanned.value).toEqual({ a: [1, 2] });
    expect(scanned.syntaxProblems).toEqual([]);
  });

  it('locates syntax problems, as parseSource does', () => {
    const scanned = scanSource('{\n  "a": [1, 2,]\n}');
    expect(scanned.syntaxProblems[0]!.range.start).toEqual({ line: 1, column: 13 });
    expect(scanned.syntaxProblems[0]!.message).toMatch(/a value is expected/);
  });

  it('refuses absurd nesting before recursing', () => {
    expect(scanSource('['.repeat(100_000) + ']'.repeat(100_000)).syntaxProblems[0]!.message).toMatch(/nests more than/);
  });
});

describe('measurePolicySize', () => {
  it('does not count whitespace outside strings', () => {
    expect(measurePolicySize('{ "a" :\n\t[ 1 , 2 ] }').size).toBe('{"a":[1,2]}'.length);
  });

  it('counts whitespace inside strings, escapes included', () => {
    expect(measurePolicySize('{"a b": "c \\" d"}').size).toBe('{"a b":"c \\" d"}'.length);
  });

  it('finds where the count first exceeds a limit', () => {
    expect(measurePolicySize('  {"ab"}', 3)).toEqual({ size: 6, overflowOffset: 5 });
    expect(measurePolicySize('{}', 3).overflowOffset).toBeUndefined();
  });
});
