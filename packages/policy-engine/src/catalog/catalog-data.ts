// The compact on-disk layout of generated/catalog.json, written by scripts/build-catalog.ts and read by
// createCatalog(). Tuples with short keys keep the file small (it is shipped to the browser); trailing empty
// arrays are omitted. Nothing here is meant for callers: use the Catalog API in catalog.ts.

/** Bump when the layout changes; createCatalog refuses other versions with a "rebuild" message. */
export const CATALOG_FORMAT_VERSION = 1;

/** Descriptions that start with this phrase (almost all of them) are stored with a leading "~" instead. */
export const DESCRIPTION_PREFIX = 'Grants permission to ';
export const DESCRIPTION_PREFIX_MARK = '~';

/** Every resource ARN template in the data starts with this; it is stored without it. */
export const ARN_TEMPLATE_PREFIX = 'arn:${Partition}:';

export interface CatalogData {
  v: typeof CATALOG_FORMAT_VERSION;
  /** Where the data came from: package name, version, its updatedAt stamp. */
  src: { pkg: string; version: string; updatedAt: string };
  /** Access levels, referenced by index from actions. */
  al: string[];
  /** Raw condition key types ("String", "ArrayOfARN" …), referenced by index. */
  ty: string[];
  s: CompactService[];
  /** Global (aws:) condition keys: hand-written table, see global-condition-keys.ts. */
  g: CompactGlobalKey[];
}

export interface CompactService {
  /** Service prefix, e.g. "iam". */
  p: string;
  /** Service name, e.g. "AWS Identity and Access Management (IAM)". */
  n: string;
  a: CompactAction[];
  r: CompactResourceType[];
  k: CompactConditionKey[];
}

/** [name, description, access level index, resource types, condition key indexes into k, dependent actions] */
export type CompactAction = [string, string, number, CompactActionResource[]?, number[]?, string[]?];

/** [resource type index into r, required 1/0, condition key indexes into k, dependent actions] */
export type CompactActionResource = [number, 0 | 1, number[]?, string[]?];

/** [name, ARN templates without ARN_TEMPLATE_PREFIX, condition key indexes into k] */
export type CompactResourceType = [string, string[], number[]?];

/** [key, type index into ty, description] */
export type CompactConditionKey = [string, number, string];

/** [key, value type, multivalued 1/0, description] */
export type CompactGlobalKey = [string, string, 0 | 1, string];
