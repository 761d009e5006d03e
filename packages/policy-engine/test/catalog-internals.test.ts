import { describe, expect, it } from 'vitest';
import { compileArnTemplate, compilePolicyArn, patternCovers, patternsIntersect } from '../src/catalog/arn-pattern.ts';
import { decodePhrases, MAX_PHRASES, phraseEncoder } from '../src/catalog/phrase-codec.ts';

describe('phrase codec', () => {
  const phrases = ['Grants permission to', ' the specified', 'Filters access by'];
  const encode = phraseEncoder(phrases);

  it('round-trips text and shortens it', () => {
    const text = 'Grants permission to delete the specified user';
    const encoded = encode(text);
    expect(encoded.length).toBeLessThan(text.length);
    expect(decodePhrases(encoded, phrases)).toBe(text);
  });

  it('prefers the longest phrase at a position and leaves other text alone', () => {
    const overlapping = [' the', ' the specified'];
    const encoded = phraseEncoder(overlapping)('of the specified thing in the end');
    expect(decodePhrases(encoded, overlapping)).toBe('of the specified thing in the end');
    expect(encoded).toBe('of^1 thing in^0 end');
    expect(decodePhrases('plain text', phrases)).toBe('plain text');
  });

  it('refuses more phrases than it has codes for', () => {
    expect(() => phraseEncoder(Array.from({ length: MAX_PHRASES + 1 }, (_, i) => `phrase ${i}`))).toThrow(/At most/);
  });
});

describe('ARN patterns', () => {
  const template = compileArnTemplate('arn:${Partition}:iam::${Account}:user/${UserNameWithPath}');
  const intersects = (arn: string) => patternsIntersect(template, compilePolicyArn(arn));

  it('matches concrete and wildcard ARNs of the type', () => {
    expect(intersects('arn:aws:iam::123456789012:user/alice')).toBe(true);
    expect(intersects('arn:aws-cn:iam::123456789012:user/path/alice')).toBe(true);
    expect(intersects('arn:aws:iam::*:user/*')).toBe(true);
    expect(intersects('arn:aws:iam::*:*')).toBe(true);
    expect(intersects('arn:*')).toBe(true);
  });

  it('rejects ARNs of other types and services', () => {
    expect(intersects('arn:aws:iam::123456789012:role/alice')).toBe(false);
    expect(intersects('arn:aws:s3:::user/alice')).toBe(false);
    expect(intersects('arn:aws:iam::*:role/*')).toBe(false);
    expect(intersects('arn:aws:iam::123456789012:user')).toBe(false);
  });

  it('reads ${*} ${?} ${$} as literal characters, other variables as any text', () => {
    const literal = compileArnTemplate('arn:${Partition}:s3:::bucket/a*b');
    expect(patternsIntersect(literal, compilePolicyArn('arn:aws:s3:::bucket/a${*}b'))).toBe(true);
    const plain = compileArnTemplate('arn:${Partition}:s3:::bucket/axb');
    expect(patternsIntersect(plain, compilePolicyArn('arn:aws:s3:::bucket/a${*}b'))).toBe(false);
    expect(patternsIntersect(plain, compilePolicyArn('arn:aws:s3:::bucket/a${aws:username}b'))).toBe(true);
  });

  it('decides covers soundly', () => {
    const covers = (general: string, specific: string) => patternCovers(compilePolicyArn(general), compilePolicyArn(specific));
    expect(covers('*', 'arn:aws:s3:::bucket/*')).toBe(true);
    expect(covers('arn:aws:s3:::*', 'arn:aws:s3:::bucket/*')).toBe(true);
    expect(covers('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/reports/?')).toBe(true);
    expect(covers('arn:aws:s3:::bucket/?', 'arn:aws:s3:::bucket/*')).toBe(false);
    expect(covers('arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/*')).toBe(false);
    expect(covers('arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/a')).toBe(true);
  });
});
