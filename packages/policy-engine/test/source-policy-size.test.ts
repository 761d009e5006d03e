import { describe, expect, it } from 'vitest';
import { measurePolicySize } from '../src/source/policy-size.ts';

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
