// AES-256-GCM for the credentials kept in the session store (temporary credentials, or the long-term key of a
// sign-in without MFA, see services/sign-in.ts): a stolen store file or Redis dump reveals no usable credential
// without the key. The session id is the associated data, so a
// sealed blob opens only in the session it was sealed for (copied into another session row it fails).
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a signed-in session calls AWS with. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (sign-in with MFA) carry one; a long-term key (sign-in without MFA) has none. */
  sessionToken?: string;
  /** ISO time the session stops using them: STS's expiry, or the session's absolute timeout for a long-term key. */
  expiration: string;
}

export interface CredentialCipher {
  encrypt(credentials: SessionCredentials, sessionId: string): string;
  /** Throws when the key, the session id or the blob is not the one it was sealed with. */
  decrypt(sealed: string, sessionId: string): SessionCredentials;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createCredentialCipher(key: Buffer): CredentialCipher {
  if (key.length !== 32) throw new Error('The session encryption key must be 32 bytes');
  // Prepared once: a raw Buffer is turned into a key object on every cipher (~0.09 ms per request).
  const secretKey = createSecretKey(key);
  return {
    encrypt(credentials, sessionId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
      cipher.setAAD(Buffer.from(sessionId, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed, sessionId) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', secretKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(sessionId, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
      return JSON.parse(text.toString('utf8')) as SessionCredentials;
    },
  };
}

/** The generated key's file in the data directory. */
export const KEY_FILE = 'session-encryption.key';

/** The configured key, or the one generated earlier into dataDir, or a new one written there (0600). */
export function loadOrCreateKey(dataDir: string, configured: Buffer | undefined): Buffer {
  if (configured) return configured;
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
