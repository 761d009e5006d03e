// Marker/MaxItems pagination done in SQL (keyset: "rows after this key, LIMIT n+1"), so a page costs the same
// at 100 and at 100,000 rows. The marker is an opaque token wrapping the last key returned.
import { IamError } from '../errors.ts';

/** Marker and MaxItems of a list request (protocol/params.ts reads them from the Query parameters). */
export interface PageRequest {
  marker?: string | undefined;
  maxItems: number;
}

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  /** Present when isTruncated. */
  marker?: string;
}

const PREFIX = 'k1:';

export function encodeMarker(lastKey: string): string {
  return Buffer.from(PREFIX + lastKey, 'utf8').toString('base64url');
}

/** The key a marker stands for; a marker we did not issue is ValidationError "Invalid Marker." (AWS's answer) rather than a silent restart. */
export function decodeMarker(marker: string): string {
  const text = Buffer.from(marker, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) throw new IamError('ValidationError', 'Invalid Marker.');
  return text.slice(PREFIX.length);
}

/** Cuts `rows` (fetched with LIMIT maxItems + 1) into a page; `keyOf` gives the ordering key of a row. */
export function toPage<T>(rows: T[], maxItems: number, keyOf: (row: T) => string): Page<T> {
  if (rows.length <= maxItems) return { items: rows, isTruncated: false };
  const items = rows.slice(0, maxItems);
  return { items, isTruncated: true, marker: encodeMarker(keyOf(items[items.length - 1] as T)) };
}
