// The compact on-disk layout of generated/catalog.json, written by scripts/build-catalog.ts and read by
// createCatalog(). It is shipped to the browser, so per service the actions are stored as columns (names,
// descriptions and access levels each as one '|'-joined string) and descriptions are shortened with a phrase
// table (phrase-codec.ts). Nothing here is meant for callers: use the Catalog API in catalog.ts.

/** Bump when the layout changes; createCatalog refuses other versions with a "rebuild" message. */
export const CATALOG_FORMAT_VERSION = 2;

/** Separates the entries of the column strings; it occurs in no name or description (the build checks). */
export const COLUMN_SEPARATOR = '|';

/** Every resource ARN template in the data starts with this; it is stored without it. */
export const ARN_TEMPLATE_PREFIX = 'arn:${Partition}:';

export interface CatalogData {
  v: typeof CATALOG_FORMAT_VERSION;
  /** Where the data came from: package name, version, its updatedAt stamp. */
  src: { pkg: string; version: string; updatedAt: string };
  /** Access levels; an action's level is one base-36 digit indexing this table. */
  al: string[];
  /** Raw condition key types ("String", "ArrayOfARN" …), referenced by index. */
  ty: string[];
  /** Phrase table of the description codec. */
  ph: string[];
  s: CompactService[];
  /** Global (aws:) condition keys: hand-written table, see global-condition-keys.ts. */
  g: CompactGlobalKey[];
  /**
   * "service:Variable" keys of the ARN template variables that hold no "/" (slash-free-variables.ts), derived at
   * build time so that a fresh catalog does not scan every template; derived on first use when absent.
   */
  sf?: string[];
}

export interface CompactService {
  /** Service prefix, e.g. "iam". */
  p: string;
  /** Service name, e.g. "AWS Identity and Access Management (IAM)". */
  n: string;
  /** Action names, sorted, joined by COLUMN_SEPARATOR. */
  a: string;
  /** Encoded action descriptions, in the same order, joined by COLUMN_SEPARATOR. */
  d: string;
  /** Access level of each action: one base-36 digit per action, indexing CatalogData.al. */
  l: string;
  /** Resource types of each action (0: none); trailing empty entries are omitted. */
  ar: (CompactActionResource[] | 0)[];
  /** Condition key indexes (into k) of each action (0: none); trailing empty entries are omitted. */
  ak: (number[] | 0)[];
  /** Dependent actions, by action index; omitted when no action has any. */
  ad?: Record<string, string[]>;
  r: CompactResourceType[];
  k: CompactConditionKey[];
}

/**
 * [resource type index into r, required 1/0, condition key indexes into k, dependent actions]. Trailing zeros and
 * empty lists are omitted, so `[]` is resource type 0, not required.
 */
export type CompactActionResource = [number?, (0 | 1)?, number[]?, string[]?];

/** [name, ARN templates without ARN_TEMPLATE_PREFIX, condition key indexes into k] */
export type CompactResourceType = [string, string[], number[]?];

/** [key, type index into ty, encoded description] */
export type CompactConditionKey = [string, number, string];

/** [key, value type, multivalued 1/0, description] */
export type CompactGlobalKey = [string, string, 0 | 1, string];
