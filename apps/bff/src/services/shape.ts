// Small conversions from SDK shapes to the API's JSON: ISO dates, decoded policy documents, tags.
import type { IAMClient, Tag } from '@aws-sdk/client-iam';
import type { Tag as ApiTag, UnavailableSection } from '@iam-console/api-contract/fields.ts';
import { awsErrorCode, isAwsError } from '../aws/errors.ts';

export const iso = (date: Date | undefined): string | undefined => (date ? date.toISOString() : undefined);

/** IAM returns policy documents URL-encoded (RFC 3986). */
export const decodePolicy = (document: string | undefined): string => (document ? decodeURIComponent(document) : '');

/** A tag as the API carries it. */
export type { ApiTag };

export const fromTags = (tags: Tag[] | undefined): ApiTag[] => (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
export const toTags = (tags: ApiTag[] | undefined): Tag[] => (tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));

/** Drops undefined fields so JSON stays tidy and optional fields are really absent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Whether `err` is an AWS error with one of these wire codes (NoSuchEntity, AccessDenied, …). */
export const isAwsCode = (err: unknown, ...codes: string[]): boolean => isAwsError(err) && codes.includes(awsErrorCode(err));

/** Resolves to null when the entity does not exist (e.g. a user without a login profile). */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (err) {
    if (isAwsCode(err, 'NoSuchEntity')) return null;
    throw err;
  }
}

/** A section IAM refused the caller, as the answers name it. */
export type Unavailable = UnavailableSection;

/**
 * A detail page section the caller may not be allowed to read: AccessDenied becomes a note in
 * `unavailable` (so the page shows what is missing) instead of failing the whole page.
 */
export async function section<T>(name: string, fallback: T, load: () => Promise<T>, unavailable: Unavailable[]): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isAwsError(err) && isAwsCode(err, 'AccessDenied')) {
      unavailable.push({ section: name, code: 'AccessDenied', message: err.message });
      return fallback;
    }
    throw err;
  }
}

/** Collects every page of an SDK paginator. */
export async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** Lists that IAM may not implement (e.g. an endpoint without signing certificates, SSH keys or instance profiles) count as empty. */
export async function listOrEmpty<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (err) {
    if (isAwsCode(err, 'InvalidAction', 'NotImplemented', 'UnknownOperationException')) return [];
    throw err;
  }
}

/** Paginator config: IAM's largest page (1000) keeps a 10,000-user account to ten round trips. */
export const pager = (iam: IAMClient) => ({ client: iam, pageSize: 1000 });
