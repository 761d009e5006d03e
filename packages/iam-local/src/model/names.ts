// Identifiers, ARNs and timestamps of IAM entities, shaped as AWS shapes them.
import { randomBytes } from 'node:crypto';

export type PrincipalType = 'user' | 'group' | 'role';

/** Unique-id prefixes AWS uses per entity type. */
export const ID_PREFIX = { user: 'AIDA', group: 'AGPA', role: 'AROA', policy: 'ANPA', instanceProfile: 'AIPA' } as const;

// AWS unique ids use upper-case letters and the digits 2-7 after the 4-letter prefix (base32 alphabet).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new 21-character unique id: the 4-character type prefix and 17 random base32 characters. */
export function newUniqueId(kind: keyof typeof ID_PREFIX): string {
  const bytes = randomBytes(17);
  let out: string = ID_PREFIX[kind];
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** Deterministic 21-character id from a string (AWS managed policies have fixed ids). */
export function stableUniqueId(kind: keyof typeof ID_PREFIX, seed: string, hash: (s: string) => Buffer): string {
  let out: string = ID_PREFIX[kind];
  for (const byte of hash(seed).subarray(0, 17)) out += ALPHABET[byte & 31];
  return out;
}

/** `arn:aws:iam::<account>:<type>/<path-without-leading-slash><name>` (path is `/` or `/a/b/`). */
export type EntityType = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

export function entityArn(accountId: string, type: EntityType, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${type}${path}${name}`;
}

/** Current time as stored: ISO 8601 UTC with seconds precision, like AWS returns. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
