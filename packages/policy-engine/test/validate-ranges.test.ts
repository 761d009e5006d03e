// Findings point at the node an editor should underline.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/validate/finding.ts';
import { validate } from './validate-helpers.ts';

function underlined(text: string, finding: Finding | undefined): string {
  if (!finding) throw new Error('no finding');
  return text.slice(finding.range.offset, finding.range.offset + finding.range.length);
}

const find = (text: string, code: string, options = {}): Finding | undefined => validate(text, options).find((f) => f.issueCode === code);

describe('finding ranges', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {',
    '      "Sid": "Read",',
    '      "effect": "Allow",',
    '      "Action": ["s3:GetObject", "s3:GetObjekt"],',
    '      "Resource": "arn:aws:s3:::bucket/*",',
    '      "Condition": {"DateGreaterThan": {"aws:CurrentTime": "soon"}}',
    '    }',
    '  ]',
    '}',
  ].join('\n');

  it('underlines an unknown element name', () => {
    const finding = find(text, 'INVALID_POLICY_ELEMENT');
    expect(underlined(text, finding)).toBe('"effect"');
    expect(finding!.range.start).toEqual({ line: 5, column: 6 });
    expect(finding!.range.end).toEqual({ line: 5, column: 14 });
  });

  it('underlines the one bad action in a list', () => {
    const finding = find(text, 'UNKNOWN_ACTION');
    expect(underlined(text, finding)).toBe('"s3:GetObjekt"');
    expect(finding!.range.start.line).toBe(6);
  });

  it('underlines the bad condition value', () => {
    expect(underlined(text, find(text, 'INVALID_DATE_CONDITION_VALUE'))).toBe('"soon"');
  });

  it('underlines the opening brace of a statement missing an element', () => {
    const finding = find(text, 'MISSING_EFFECT');
    expect(underlined(text, finding)).toBe('{');
    expect(finding!.range.start).toEqual({ line: 3, column: 4 });
  });

  it('points a syntax error at the offending character', () => {
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [}\n}';
    const finding = find(broken, 'JSON_SYNTAX_ERROR');
    expect(finding!.range.start).toEqual({ line: 2, column: 16 });
    expect(finding!.message).toMatch(/line 3, column 17/);
  });

  it('marks the part of the document beyond the size quota', () => {
    const statements = Array.from({ length: 40 }, (_, i) => `{"Sid":"S${i}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-${i}/*"}`);
    const big = `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
    const finding = find(big, 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', { inlineFor: 'user' });
    expect(finding!.range.offset).toBe(2_048);
    expect(finding!.range.offset + finding!.range.length).toBe(big.length);
  });
});
