// IAM's tag rule (IAM User Guide, "Rules for tagging in IAM and AWS STS"; quotas page for the lengths and 50 tags).
import { describe, expect, it } from 'vitest';
import { TAG_REASONS, tagKeyProblem, tagsProblem, tagValueProblem } from '../src/utils/iam-tags.ts';

describe('IAM tag rule', () => {
  it('accepts letters and numbers of any script, spaces and _ . : / = + - @', () => {
    for (const key of ['cost-center', 'team', 'Owner:é', 'プロジェクト', 'a b', 'k_.:/=+-@9']) expect(tagKeyProblem(key), key).toBeUndefined();
    expect(tagValueProblem('')).toBeUndefined();
    expect(tagValueProblem('Engineering:QA')).toBeUndefined();
    expect(tagsProblem([{ key: 'cost-center', value: '1234' }, { key: 'team', value: '' }, { key: 'Owner:é', value: 'zoë' }], 'user')).toBeUndefined();
  });

  it('refuses what IAM refuses, with its reason', () => {
    expect(tagKeyProblem('')).toBe(TAG_REASONS.emptyKey);
    expect(tagKeyProblem('aws:x')).toBe(TAG_REASONS.reservedKey);
    expect(tagKeyProblem('AWS:x')).toBe(TAG_REASONS.reservedKey);
    expect(tagKeyProblem('cost#center')).toBe(TAG_REASONS.keyCharacters);
    expect(tagKeyProblem('k'.repeat(129))).toBe(TAG_REASONS.keyTooLong);
    expect(tagValueProblem('v'.repeat(257))).toBe(TAG_REASONS.valueTooLong);
    expect(tagValueProblem('a;b')).toBe(TAG_REASONS.valueCharacters);
    expect(tagValueProblem('aws:lambda')).toBe(TAG_REASONS.reservedValue);
  });

  it('counts characters, not UTF-16 units: 128 letters beyond the BMP fit a key', () => {
    const astral = '𝒜'.repeat(128);
    expect(astral.length).toBe(256);
    expect(tagKeyProblem(astral)).toBeUndefined();
    expect(tagKeyProblem(`${astral}a`)).toBe(TAG_REASONS.keyTooLong);
  });

  it('names the tag that breaks the rule', () => {
    expect(tagsProblem([{ key: 'team', value: 'a' }, { key: 'aws:x', value: '' }], 'role')).toBe(`Tag key aws:x: ${TAG_REASONS.reservedKey}`);
    expect(tagsProblem([{ key: 'team', value: 'v'.repeat(257) }], 'user')).toBe(`Tag team: ${TAG_REASONS.valueTooLong}`);
    expect(tagsProblem([{ key: '', value: 'x' }], 'user')).toBe(TAG_REASONS.emptyKey);
  });

  it('treats keys differing only in case as one key on users and roles, as two on policies', () => {
    const tags = [{ key: 'Department', value: 'finance' }, { key: 'department', value: 'hr' }];
    expect(tagsProblem(tags, 'user')).toMatch(/^Tag keys Department and department: Each tag key can be used only once\. Tag keys of IAM users ignore case\.$/);
    expect(tagsProblem(tags, 'role')).toMatch(/IAM roles ignore case/);
    expect(tagsProblem(tags, 'policy')).toBeUndefined();
    expect(tagsProblem([{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }], 'policy')).toBe(`Tag key team: ${TAG_REASONS.duplicateKey}`);
  });

  it('allows 50 tags on a resource, not 51', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagsProblem(tags(50), 'user')).toBeUndefined();
    expect(tagsProblem(tags(51), 'user')).toBe(`${TAG_REASONS.tooMany} There are 51.`);
  });
});
