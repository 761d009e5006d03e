// Query-protocol parameters from a request: the URL query string (GET, as AWS accepts) and a form-encoded body.
// Never throws on garbage: malformed percent-escapes decode leniently, as URLSearchParams does.
import type { QueryParams } from './operation.ts';

/** More parameters than any IAM request needs (a 1,000-entry simulation is far below); beyond this is abuse. */
export const MAX_PARAMETERS = 10_000;

export class FormError extends Error {
  override name = 'FormError';
}

function addAll(target: Record<string, string>, text: string): void {
  if (text === '') return;
  let count = Object.keys(target).length;
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in target) && ++count > MAX_PARAMETERS) throw new FormError(`More than ${MAX_PARAMETERS} parameters.`);
    target[key] = value;
  }
}

/**
 * Merges query-string and body parameters (body wins) into an object without a prototype, so hostile names such
 * as `__proto__` or `constructor` are plain keys.
 */
export function parseParameters(query: string, body: string | undefined): QueryParams {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  addAll(params, query);
  if (body !== undefined) addAll(params, body);
  return params;
}

/** Whether a body with this content type carries form parameters (a missing type is read as a form, as AWS does). */
export function isFormContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === '') return true;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}
