// SigV4 signing keys derived once per (access key id, date, region, service) and kept as prepared HMAC keys.
// Deriving one costs four HMACs over the secret, and the key is the same for every request of that scope on
// that day; the request's own HMAC then runs on a KeyObject (node:crypto prepares a raw Buffer key anew on each
// use). The cache only saves the derivation: the key id is still looked up (and its status checked) for every
// request before a cached key is used, and an entry is used only with the very secret it was derived from.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Far more scopes than the access keys in use at once; a full cache drops the least recently used entry. */
export const MAX_SIGNING_KEYS = 1000;

export interface SigningScope {
  accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
}

interface Entry {
  secretAccessKey: string;
  key: KeyObject;
}

function hmac(key: string | Buffer | KeyObject, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request") (AWS SigV4 reference). */
export function deriveSigningKey(secretAccessKey: string, scope: Omit<SigningScope, 'accessKeyId'>): KeyObject {
  const date = hmac(`AWS4${secretAccessKey}`, scope.scopeDate);
  return createSecretKey(hmac(hmac(hmac(date, scope.region), scope.service), 'aws4_request'));
}

export class SigningKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private newest: string | undefined;

  constructor(capacity = MAX_SIGNING_KEYS) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The signing key of `scope` for `secretAccessKey`, derived on first use (or when the secret differs). */
  signingKey(scope: SigningScope, secretAccessKey: string): KeyObject {
    const id = `${scope.accessKeyId}/${scope.scopeDate}/${scope.region}/${scope.service}`;
    const hit = this.entries.get(id);
    if (hit) {
      if (hit.secretAccessKey === secretAccessKey) {
        // Moved to the most recent end (unless it is there already: a busy key's requests skip the Map churn).
        if (this.newest !== id) {
          this.entries.delete(id);
          this.entries.set(id, hit);
          this.newest = id;
        }
        return hit.key;
      }
      this.entries.delete(id);
    }
    const entry = { secretAccessKey, key: deriveSigningKey(secretAccessKey, scope) };
    this.entries.set(id, entry);
    this.newest = id;
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry.key;
  }
}

/** HMAC-SHA256 of the string to sign with a prepared signing key, hex (the signature). */
export function signWith(key: KeyObject, stringToSign: string): string {
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}
