import { describe, expect, it } from 'vitest';
import {
  GROUP_NAME, PATH, POLICY_NAME, ROLE_NAME, TAG_REASONS, USER_NAME, tagKeyProblem, tagsProblem, tagValueProblem, textProblem,
} from '../src/rules.ts';

describe('IAM names', () => {
  it.each([[USER_NAME, 64], [ROLE_NAME, 64], [GROUP_NAME, 128], [POLICY_NAME, 128]])('%# allows 1 to its maximum of IAM name characters', (rule, max) => {
    expect(textProblem(rule, 'alice+ops=1,x.y@z-w_v')).toBeUndefined();
    expect(textProblem(rule, 'a'.repeat(max))).toBeUndefined();
    expect(textProblem(rule, 'a'.repeat(max + 1))).toBe(`The ${rule.what} can have up to ${max} characters.`);
    expect(textProblem(rule, '')).toBe(`Enter a ${rule.what}.`);
  });

  it('refuses spaces, slashes and non-ASCII letters with IAM’s description of the allowed characters', () => {
    for (const name of ['bad name', 'bad/name', 'ünicode', 'tab\t']) {
      expect(textProblem(USER_NAME, name)).toBe('The user name can contain only A-Z, a-z, 0-9 and + = , . @ - _.');
    }
  });
});

describe('IAM paths', () => {
  it('allows / and paths that begin and end with /, empty segments included as IAM allows them', () => {
    for (const path of ['/', '/engineering/team-a/', '/a//b/', '///', '/!~/']) expect(textProblem(PATH, path), path).toBeUndefined();
    expect(textProblem(PATH, `/${'a'.repeat(510)}/`)).toBeUndefined();
  });

  it('refuses what IAM’s pattern refuses', () => {
    for (const path of ['engineering/', '/engineering', '//', '/a b/', '/é/', 'x']) {
      expect(textProblem(PATH, path), path).toMatch(/^The path must be a forward slash \(\/\) by itself or begin and end with forward slashes/);
    }
    expect(textProblem(PATH, `/${'a'.repeat(511)}/`)).toBe('The path can have up to 512 characters.');
    expect(textProblem(PATH, '')).toBe('Enter a path.');
  });
});

describe('tags', () => {
  it('allows letters and numbers of any script, spaces and _ . : / = + - @ (needs the u flag)', () => {
    for (const key of ['cost-center', 'Owner:é', 'Kostenstelle äöü 日本 ٣', 'k_.:/=+-@9']) expect(tagKeyProblem(key), key).toBeUndefined();
    expect(tagValueProblem('a_b.c:d/e=f+g-h@i j')).toBeUndefined();
    expect(tagValueProblem('')).toBeUndefined();
    expect(tagKeyProblem('cost$center')).toBe(TAG_REASONS.keyCharacters);
    expect(tagValueProblem('a*b')).toBe(TAG_REASONS.valueCharacters);
  });

  it('limits keys to 1-128 and values to 256 characters, counting characters, not UTF-16 units', () => {
    expect(tagKeyProblem('')).toBe(TAG_REASONS.emptyKey);
    expect(tagKeyProblem('𝒜'.repeat(128))).toBeUndefined();
    expect(tagKeyProblem('k'.repeat(129))).toBe(TAG_REASONS.keyTooLong);
    expect(tagValueProblem('v'.repeat(256))).toBeUndefined();
    expect(tagValueProblem('v'.repeat(257))).toBe(TAG_REASONS.valueTooLong);
    expect(textProblem(USER_NAME, 'a'.repeat(64))).toBeUndefined();
  });

  it('refuses keys and values that begin with aws:, in any case', () => {
    expect(tagKeyProblem('aws:cloudformation:stack-name')).toBe(TAG_REASONS.reservedKey);
    expect(tagKeyProblem('AWS:x')).toBe(TAG_REASONS.reservedKey);
    expect(tagValueProblem('Aws:lambda')).toBe(TAG_REASONS.reservedValue);
    expect(tagKeyProblem('not-aws:x')).toBeUndefined();
  });

  it('allows 50 tags per resource, keys unique ignoring case on users and roles, by case on policies', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagsProblem(tags(50), 'user')).toBeUndefined();
    expect(tagsProblem(tags(51), 'role')).toBe(`${TAG_REASONS.tooMany} There are 51.`);
    const differByCase = [{ key: 'Team', value: 'a' }, { key: 'team', value: 'b' }];
    expect(tagsProblem(differByCase, 'user')).toBe(`Tag keys Team and team: ${TAG_REASONS.duplicateKey} Tag keys of IAM users ignore case.`);
    expect(tagsProblem(differByCase, 'policy')).toBeUndefined();
    expect(tagsProblem([{ key: 'ok', value: 'x' }, { key: 'bad$', value: '' }], 'policy')).toBe(`Tag key bad$: ${TAG_REASONS.keyCharacters}`);
  });
});
