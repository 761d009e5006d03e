// IAM's tag rules, as pure functions so the browser and the server can share them. Sources: IAM User Guide,
// "Rules for tagging in IAM and AWS STS" (characters, the reserved aws: prefix, empty values, case of keys) and
// "IAM and AWS STS quotas, name requirements, and character limits" (key 128, value 256, 50 tags per resource);
// IAM API Reference, Tag data type (the character pattern).

export interface TagInput {
  key: string;
  value: string;
}

/** Resources whose tag keys IAM compares ignoring case: "Department" and "department" are one key. */
export type TaggableResource = 'user' | 'role' | 'policy';
const CASE_INSENSITIVE_KEYS: ReadonlySet<TaggableResource> = new Set(['user', 'role']);

export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

// Letters, separators (spaces), numbers in any script. The `u` flag makes \p{…} Unicode classes; without it
// they are the letters p, L, Z, N and braces.
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_PREFIX = 'aws:';

/** IAM's reasons, worded once: the editor shows them beside the field and the rule below names the tag. */
export const TAG_REASONS = {
  emptyKey: 'Enter a tag key. A tag can have an empty value but not an empty key.',
  keyTooLong: `A tag key can have up to ${MAX_TAG_KEY_LENGTH} characters.`,
  valueTooLong: `A tag value can have up to ${MAX_TAG_VALUE_LENGTH} characters.`,
  keyCharacters: 'A tag key can contain only letters, numbers, spaces and _ . : / = + - @',
  valueCharacters: 'A tag value can contain only letters, numbers, spaces and _ . : / = + - @',
  reservedKey: 'A tag key cannot begin with aws: (reserved for AWS use).',
  reservedValue: 'A tag value cannot begin with aws: (reserved for AWS use).',
  duplicateKey: 'Each tag key can be used only once.',
  tooMany: `A resource can have up to ${MAX_TAGS_PER_RESOURCE} tags.`,
} as const;

// Lengths count characters (code points), as IAM does, not UTF-16 units.
const length = (text: string) => [...text].length;
const reserved = (text: string) => text.toLowerCase().startsWith(RESERVED_PREFIX);

/** Why IAM refuses `key` as a tag key, or undefined when it accepts it. */
export function tagKeyProblem(key: string): string | undefined {
  if (key.length === 0) return TAG_REASONS.emptyKey;
  if (length(key) > MAX_TAG_KEY_LENGTH) return TAG_REASONS.keyTooLong;
  if (!TAG_CHARACTERS.test(key)) return TAG_REASONS.keyCharacters;
  if (reserved(key)) return TAG_REASONS.reservedKey;
  return undefined;
}

/** Why IAM refuses `value` as a tag value, or undefined when it accepts it (an empty value is fine). */
export function tagValueProblem(value: string): string | undefined {
  if (length(value) > MAX_TAG_VALUE_LENGTH) return TAG_REASONS.valueTooLong;
  if (!TAG_CHARACTERS.test(value)) return TAG_REASONS.valueCharacters;
  if (reserved(value)) return TAG_REASONS.reservedValue;
  return undefined;
}

/**
 * Why IAM refuses this set of tags on a `resource`, naming the tag, or undefined when it accepts them all.
 * Users' and roles' keys are compared ignoring case (IAM would silently keep only one of "Team" and "team").
 */
export function tagsProblem(tags: readonly TagInput[], resource: TaggableResource): string | undefined {
  if (tags.length > MAX_TAGS_PER_RESOURCE) return `${TAG_REASONS.tooMany} There are ${tags.length}.`;
  const fold = CASE_INSENSITIVE_KEYS.has(resource) ? (key: string) => key.toLowerCase() : (key: string) => key;
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const keyProblem = tagKeyProblem(tag.key);
    if (keyProblem) return tag.key ? `Tag key ${tag.key}: ${keyProblem}` : keyProblem;
    const valueProblem = tagValueProblem(tag.value);
    if (valueProblem) return `Tag ${tag.key}: ${valueProblem}`;
    const earlier = seen.get(fold(tag.key));
    if (earlier !== undefined) {
      return earlier === tag.key
        ? `Tag key ${tag.key}: ${TAG_REASONS.duplicateKey}`
        : `Tag keys ${earlier} and ${tag.key}: ${TAG_REASONS.duplicateKey} Tag keys of IAM ${resource}s ignore case.`;
    }
    seen.set(fold(tag.key), tag.key);
  }
  return undefined;
}
