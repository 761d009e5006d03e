// pino logger with every secret-bearing field redacted, wherever it appears in a logged object.
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';

const SECRET_KEYS = ['secretAccessKey', 'SecretAccessKey', 'sessionToken', 'SessionToken', 'password', 'Password', 'mfaCode', 'tokenCode', 'TokenCode', 'sealedCredentials'];

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
