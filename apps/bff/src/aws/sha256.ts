// SHA-256 and HMAC-SHA256 for the SDK's SigV4 signer (the clients' `sha256` option), the same as the SDK's
// own @smithy/hash-node except for one thing: an HMAC key given as bytes becomes a crypto KeyObject once
// per key, not once per HMAC. Node turns raw key bytes into a key on every createHmac (~30 µs, where one
// with a KeyObject takes ~6 µs), and the signer computes an HMAC with the session's cached signing key on
// every request.
import { createHash, createHmac, createSecretKey } from 'node:crypto';
import type { Hash, Hmac, KeyObject } from 'node:crypto';
import type { IAMClientConfig } from '@aws-sdk/client-iam';

type HashConstructor = NonNullable<IAMClientConfig['sha256']>;
type SourceData = NonNullable<ConstructorParameters<HashConstructor>[0]>;

function bytes(data: SourceData, encoding?: BufferEncoding): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

// Keyed by the key's own object: the signer keeps one signing key object per credentials, region,
// service and day, and never changes its bytes. Entries go with the keys (string keys, used only to
// derive a signing key once a day, are not kept).
const keyObjects = new WeakMap<object, KeyObject>();

function hmacKey(secret: SourceData): KeyObject | Buffer {
  if (typeof secret === 'string') return bytes(secret);
  let key = keyObjects.get(secret);
  if (!key) {
    key = createSecretKey(bytes(secret));
    keyObjects.set(secret, key);
  }
  return key;
}

export class Sha256 {
  readonly #secret: SourceData | undefined;
  #hash!: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret;
    this.reset();
  }

  update(data: Uint8Array | string, encoding?: 'utf8' | 'ascii' | 'latin1'): void {
    this.#hash.update(bytes(data, encoding));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }

  reset(): void {
    // Like @smithy/hash-node: no secret, or an empty one, means a plain hash.
    this.#hash = this.#secret ? createHmac('sha256', hmacKey(this.#secret)) : createHash('sha256');
  }
}

// Checked where the SDK takes it.
export const sha256: HashConstructor = Sha256;
