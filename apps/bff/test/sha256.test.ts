// The SigV4 hash the BFF gives the SDK: byte for byte what node:crypto computes, for every input shape
// the signer passes, with HMAC keys reused per key object and never across keys.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../src/aws/sha256.ts';

const hex = async (h: Sha256) => Buffer.from(await h.digest()).toString('hex');
const nodeHmac = (key: Uint8Array | string, data: string) => createHmac('sha256', key).update(data).digest('hex');

describe('Sha256 for the SDK signer', () => {
  it('hashes strings (in the encoding given), byte arrays, views with an offset and ArrayBuffers like node:crypto', async () => {
    const backing = Buffer.from('xxhello worldyy');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, 11);
    const cases: [Parameters<Sha256['update']>[0] | ArrayBuffer, string][] = [
      ['hello world', 'hello world'],
      [new TextEncoder().encode('hello world'), 'hello world'],
      [view, 'hello world'],
      [new TextEncoder().encode('hello world').buffer, 'hello world'],
      ['', ''],
    ];
    for (const [input, text] of cases) {
      const h = new Sha256();
      h.update(input as Uint8Array);
      expect(await hex(h)).toBe(createHash('sha256').update(text).digest('hex'));
    }
    const latin1 = new Sha256();
    latin1.update('caf\u00e9', 'latin1');
    expect(await hex(latin1)).toBe(createHash('sha256').update(Buffer.from('caf\u00e9', 'latin1')).digest('hex'));
  });

  it('computes HMACs with string keys, byte keys and keys that are views into a larger buffer', async () => {
    const backing = new Uint8Array(40).map((_, i) => i);
    const keys: Uint8Array[] = [new Uint8Array(32).fill(7), backing.subarray(5, 37)];
    for (const key of keys) {
      const h = new Sha256(key);
      h.update('canonical request');
      expect(await hex(h)).toBe(nodeHmac(Buffer.from(key), 'canonical request'));
    }
    const s = new Sha256('AWS4secret');
    s.update('20261203');
    expect(await hex(s)).toBe(nodeHmac('AWS4secret', '20261203'));
  });

  it('reuses a key object for the same key, and keeps different keys apart', async () => {
    const a = new Uint8Array(32).fill(1);
    const b = new Uint8Array(32).fill(2);
    const results: string[] = [];
    for (const key of [a, b, a, b]) {
      const h = new Sha256(key);
      h.update('same data');
      results.push(await hex(h));
    }
    expect(results).toEqual([nodeHmac(a, 'same data'), nodeHmac(b, 'same data'), nodeHmac(a, 'same data'), nodeHmac(b, 'same data')]);
    expect(results[0]).not.toBe(results[1]);
  });

  it('starts over after reset(), keeping the key', async () => {
    const key = new Uint8Array(32).fill(3);
    const h = new Sha256(key);
    h.update('first');
    await h.digest();
    h.reset();
    h.update('second');
    expect(await hex(h)).toBe(nodeHmac(key, 'second'));
    const empty = new Sha256('');
    empty.update('x');
    expect(await hex(empty)).toBe(createHash('sha256').update('x').digest('hex')); // as the SDK's: an empty secret is no secret
  });

  it('gives the SigV4 signer the signature the SDK’s own hash gives, request after request', async () => {
    const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const { Hash } = await import('@smithy/hash-node');
    const signer = (sha256: ConstructorParameters<typeof SignatureV4>[0]['sha256']) => new SignatureV4({ credentials, region: 'us-east-1', service: 'iam', sha256 });
    const ours = signer(Sha256);
    const theirs = signer(Hash.bind(null, 'sha256'));
    for (const body of ['Action=ListUsers&Version=2010-05-08', 'Action=GetUser&UserName=alice&Version=2010-05-08']) {
      const request = () => ({ method: 'POST', protocol: 'https:', hostname: 'iam.amazonaws.com', path: '/', headers: { host: 'iam.amazonaws.com', 'content-type': 'application/x-www-form-urlencoded' }, body });
      const signingDate = new Date('2026-12-03T16:00:00Z');
      const a = await ours.sign(request(), { signingDate });
      const b = await theirs.sign(request(), { signingDate });
      expect(a.headers.authorization).toBe(b.headers.authorization);
    }
  });
});
