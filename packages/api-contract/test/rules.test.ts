import { describe, expect, it } from 'vitest';
import {
  GROUP_NAME, PATH, POLICY_NAME, ROLE_NAME, USER_NAME, tagKeyProblem, tagsProblem, tagValueProblem, textProblem,
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
      expect(textProblem(USER_NAME, name)).toBe('The user name can contain only upper and lowercase alphanumeric characters (no spaces) and _+=,.@-.');
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
    expect(tagKeyProblem('Kostenstelle äöü 日本 ٣')).toBeUndefined();
    expect(tagValueProblem('a_b.c:d/e=f+g-h@i j')).toBeUndefined();
    expect(tagValueProblem('')).toBeUndefined();
    expect(tagKeyProblem('cost$center')).toBe('The tag key can contain only letters, numbers, spaces and _ . : / = + - @.');
    expect(tagValueProblem('a*b')).toBe('The tag value can contain only letters, numbers, spaces and _ . : / = + - @.');
  });

  it('limits keys to 1-128 and values to 256 characters', () => {
    expect(tagKeyProblem('')).toBe('Enter a tag key.');
    expect(tagKeyProblem('k'.repeat(128))).toBeUndefined();
    expect(tagKeyProblem('k'.repeat(129))).toBe('The tag key can have up to 128 characters.');
    expect(tagValueProblem('v'.repeat(256))).toBeUndefined();
    expect(tagValueProblem('v'.repeat(257))).toBe('The tag value can have up to 256 characters.');
  });

  it('refuses keys that begin with aws:, in any case', () => {
    expect(tagKeyProblem('aws:cloudformation:stack-name')).toMatch(/reserved for AWS/);
    expect(tagKeyProblem('AWS:x')).toMatch(/reserved for AWS/);
    expect(tagKeyProblem('not-aws:x')).toBeUndefined();
  });

  it('allows 50 tags per resource, keys unique ignoring case on users and roles, by case on policies', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagsProblem(tags(50))).toBeUndefined();
    expect(tagsProblem(tags(51))).toBe('A resource can have up to 50 tags.');
    const differByCase = [{ key: 'Team', value: 'a' }, { key: 'team', value: 'b' }];
    expect(tagsProblem(differByCase)).toBe('Tag key team is used twice.');
    expect(tagsProblem(differByCase, 'case-sensitive')).toBeUndefined();
    expect(tagsProblem([{ key: 'ok', value: 'x' }, { key: 'bad$', value: '' }])).toMatch(/^The tag key can contain only/);
  });
});
