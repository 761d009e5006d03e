import { describe, expect, it } from 'vitest';
import { Hash } from '@smithy/hash-node';
import { getSigningKey } from '@smithy/signature-v4';
import { deriveSigningKey, SigningKeyCache } from '../src/auth/signing-keys.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const scope = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', scopeDate: '20260101', region: 'us-east-1', service: 'iam' };

const hex = (key: { export(): Buffer }) => key.export().toString('hex');

describe('signing key derivation', () => {
  it('derives the key the SDK signer derives', async () => {
    const sdk = await getSigningKey(Hash.bind(null, 'sha256'), { accessKeyId: scope.accessKeyId, secretAccessKey: SECRET }, '20260101', 'us-east-1', 'iam');
    expect(hex(deriveSigningKey(SECRET, scope))).toBe(Buffer.from(sdk).toString('hex'));
  });

  it('different dates, regions and services derive different keys', () => {
    const cache = new SigningKeyCache();
    const keys = [
      cache.signingKey(scope, SECRET),
      cache.signingKey({ ...scope, scopeDate: '20260102' }, SECRET),
      cache.signingKey({ ...scope, region: 'eu-west-1' }, SECRET),
      cache.signingKey({ ...scope, service: 'sts' }, SECRET),
    ].map(hex);
    expect(new Set(keys).size).toBe(4);
    expect(cache.size).toBe(4);
  });
});

describe('SigningKeyCache', () => {
  it('derives a scope once and hands out the same prepared key afterwards', () => {
    const cache = new SigningKeyCache();
    const first = cache.signingKey(scope, SECRET);
    expect(cache.signingKey({ ...scope }, SECRET)).toBe(first);
    expect(first.type).toBe('secret');
  });

  it('never uses an entry with another secret than the one it was derived from', () => {
    const cache = new SigningKeyCache();
    const old = cache.signingKey(scope, SECRET);
    const other = cache.signingKey(scope, 'another-secret-of-forty-characters-000000');
    expect(hex(other)).not.toBe(hex(old));
    expect(hex(other)).toBe(hex(deriveSigningKey('another-secret-of-forty-characters-000000', scope)));
    expect(cache.size).toBe(1);
  });

  it('is bounded: a full cache drops the least recently used scope', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.signingKey({ ...scope, accessKeyId: 'A' }, SECRET);
    const b = cache.signingKey({ ...scope, accessKeyId: 'B' }, SECRET);
    expect(cache.signingKey({ ...scope, accessKeyId: 'A' }, SECRET)).toBe(a); // A is now the most recent
    cache.signingKey({ ...scope, accessKeyId: 'C' }, SECRET); // evicts B
    expect(cache.size).toBe(2);
    expect(cache.signingKey({ ...scope, accessKeyId: 'A' }, SECRET)).toBe(a);
    expect(cache.signingKey({ ...scope, accessKeyId: 'B' }, SECRET)).not.toBe(b);
  });
});
