// IAM's rules for the values the console sends, each stated once with IAM's limits and wording. Plain
// functions without zod, so the SPA's forms can use them without bundling a schema library; schemas.ts
// builds the zod schemas the BFF validates with from the same rules.

/** A text value IAM constrains by length and by a pattern its API reference gives. */
export interface TextRule {
  /** How a message names the value: "user name", "path", "tag key". */
  readonly what: string;
  readonly min: number;
  readonly max: number;
  /** The whole value must match (anchored). */
  readonly pattern: RegExp;
  /** What the pattern allows, in the words of IAM's API reference; a message ends with it. */
  readonly allowed: string;
  /** Where IAM states the rule. */
  readonly source: string;
}

const API_REFERENCE = 'IAM API Reference';
const QUOTAS = 'IAM User Guide, "IAM and AWS STS quotas"';
const TAGGING = 'IAM User Guide, "Tagging IAM resources"';

// The name pattern of CreateUser UserName, CreateGroup GroupName, CreateRole RoleName, CreatePolicy PolicyName and
// PutUserPolicy PolicyName: "upper and lowercase alphanumeric characters with no spaces. You can also include any
// of the following characters: _+=,.@-".
const NAME_PATTERN = /^[\w+=,.@-]+$/;
const NAME_ALLOWED = 'can contain only A-Z, a-z, 0-9 and + = , . @ - _';

const nameRule = (what: string, max: number, parameter: string): TextRule => ({
  what, min: 1, max, pattern: NAME_PATTERN, allowed: NAME_ALLOWED,
  source: `${API_REFERENCE}, ${parameter} (Length Constraints: 1-${max}); ${QUOTAS}, "IAM name requirements"`,
});

export const USER_NAME = nameRule('user name', 64, 'CreateUser UserName');
export const GROUP_NAME = nameRule('user group name', 128, 'CreateGroup GroupName');
export const ROLE_NAME = nameRule('role name', 64, 'CreateRole RoleName');
export const POLICY_NAME = nameRule('policy name', 128, 'CreatePolicy and PutUserPolicy PolicyName');

/**
 * "Either a forward slash (/) by itself or a string that must begin and end with forward slashes", of the
 * characters ! (\u0021) to ~ (\u007E): `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`. Empty segments (`/a//b/`)
 * are allowed, as IAM allows them; `//` alone is not (nothing between the two slashes).
 */
export const PATH: TextRule = {
  what: 'path', min: 1, max: 512,
  pattern: /^(?:\/|\/[\u0021-\u007E]+\/)$/,
  allowed: 'must be a forward slash (/) by itself or begin and end with forward slashes, and can contain only the ASCII characters ! (\\u0021) to ~ (\\u007E)',
  source: `${API_REFERENCE}, CreateUser Path (Length Constraints: 1-512); ${QUOTAS}, "IAM name requirements"`,
};

// Tag keys and values: "any combination of letters, numbers, spaces, and _ . : / = + - @" in any script, so
// \p{…} classes, which need the `u` flag (without it they are the letters p, L, Z, N and braces).
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_ALLOWED = 'can contain only letters, numbers, spaces and _ . : / = + - @';

export const TAG_KEY: TextRule = {
  what: 'tag key', min: 1, max: 128, pattern: TAG_CHARS, allowed: TAG_ALLOWED,
  source: `${API_REFERENCE}, Tag Key (Length Constraints: 1-128); ${TAGGING}, "Rules for tagging in IAM and AWS STS"`,
};

export const TAG_VALUE: TextRule = {
  what: 'tag value', min: 0, max: 256, pattern: TAG_CHARS, allowed: TAG_ALLOWED,
  source: `${API_REFERENCE}, Tag Value (Length Constraints: 0-256); ${TAGGING}, "Rules for tagging in IAM and AWS STS"`,
};

/** "You cannot create a tag key or value that begins with the text aws:. This tag prefix is reserved for AWS internal use." */
export const RESERVED_TAG_PREFIX = /^aws:/i;

/** Tags per IAM user, role or customer managed policy (IAM and AWS STS quotas: "Tags per IAM resource"). */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = TAG_KEY.max;
export const MAX_TAG_VALUE_LENGTH = TAG_VALUE.max;

/** Managed policy descriptions: CreatePolicy Description, 0-1000 characters. */
export const POLICY_DESCRIPTION: TextRule = {
  what: 'description', min: 0, max: 1000, pattern: /^[\s\S]*$/, allowed: '',
  source: `${API_REFERENCE}, CreatePolicy Description (Length Constraints: 0-1000)`,
};

/** Role descriptions: CreateRole Description, 0-1000 characters of `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`. */
export const ROLE_DESCRIPTION: TextRule = {
  what: 'description', min: 0, max: 1000, pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
  allowed: 'can contain only tabs, line breaks and the printable characters of Latin-1',
  source: `${API_REFERENCE}, CreateRole Description (Length Constraints: 0-1000)`,
};

/** Policy documents as a request parameter: 1-131072 characters of `[\u0009\u000A\u000D\u0020-\u00FF]+`. */
export const POLICY_DOCUMENT: TextRule = {
  what: 'policy document', min: 1, max: 131_072, pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  allowed: 'can contain only tabs, line breaks and the printable characters of Latin-1',
  source: `${API_REFERENCE}, CreatePolicy PolicyDocument (Length Constraints: 1-131072)`,
};

/** Passwords: CreateLoginProfile Password, 1-128 characters of `[\u0009\u000A\u000D\u0020-\u00FF]+`. */
export const PASSWORD: TextRule = {
  what: 'password', min: 1, max: 128, pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  allowed: 'can contain only tabs, line breaks and the printable characters of Latin-1',
  source: `${API_REFERENCE}, CreateLoginProfile Password (Length Constraints: 1-128)`,
};

/** Access key ids: 16-128 word characters (UpdateAccessKey AccessKeyId). */
export const ACCESS_KEY_ID: TextRule = {
  what: 'access key ID', min: 16, max: 128, pattern: /^\w+$/, allowed: 'can contain only letters, digits and _',
  source: `${API_REFERENCE}, UpdateAccessKey AccessKeyId (Length Constraints: 16-128)`,
};

/** MFA device serial numbers (a device ARN or a hardware token's serial): 9-256 characters of `[\w+=/:,.@-]+`. */
export const MFA_SERIAL_NUMBER: TextRule = {
  what: 'MFA device serial number', min: 9, max: 256, pattern: /^[\w+=/:,.@-]+$/,
  allowed: 'can contain only upper and lowercase alphanumeric characters (no spaces) and _+=/:,.@-',
  source: `${API_REFERENCE}, DeactivateMFADevice SerialNumber (Length Constraints: 9-256)`,
};

/** Virtual MFA device names: CreateVirtualMFADevice VirtualMFADeviceName, 1-226 characters of `[\w+=,.@-]+`. */
export const VIRTUAL_MFA_DEVICE_NAME: TextRule = {
  what: 'device name', min: 1, max: 226, pattern: NAME_PATTERN, allowed: NAME_ALLOWED,
  source: `${API_REFERENCE}, CreateVirtualMFADevice VirtualMFADeviceName (Length Constraints: 1-226)`,
};

/** MFA codes: EnableMFADevice AuthenticationCode1/2 and GetSessionToken TokenCode, six digits. */
export const AUTHENTICATION_CODE: TextRule = {
  what: 'MFA code', min: 6, max: 6, pattern: /^\d{6}$/, allowed: 'is the six digits the device shows',
  source: `${API_REFERENCE}, EnableMFADevice AuthenticationCode1 (Length Constraints: 6; Pattern: [\\d]+)`,
};

/** Policy version ids: `v[1-9][0-9]*(\.[A-Za-z0-9-]*)?` (GetPolicyVersion VersionId). */
export const POLICY_VERSION_ID: TextRule = {
  what: 'version ID', min: 2, max: 128, pattern: /^v[1-9][0-9]*(?:\.[A-Za-z0-9-]*)?$/, allowed: 'looks like v1, v2, …',
  source: `${API_REFERENCE}, GetPolicyVersion VersionId`,
};

/** Account aliases: 3-63 lowercase letters, digits and single hyphens, not at either end. */
export const ACCOUNT_ALIAS: TextRule = {
  what: 'account alias', min: 3, max: 63, pattern: /^[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]$/,
  allowed: 'can contain only lowercase letters, digits and hyphens, neither starting nor ending with a hyphen nor holding two in a row',
  source: `${API_REFERENCE}, CreateAccountAlias AccountAlias (Length Constraints: 3-63)`,
};

/** A role's maximum session duration in seconds (CreateRole MaxSessionDuration: 3600-43200). */
export const MAX_SESSION_DURATION = { min: 3600, max: 43_200, source: `${API_REFERENCE}, CreateRole MaxSessionDuration` } as const;

/** Password policy numbers (UpdateAccountPasswordPolicy). */
export const PASSWORD_POLICY_LIMITS = {
  MinimumPasswordLength: { min: 6, max: 128 },
  MaxPasswordAge: { min: 1, max: 1095 },
  PasswordReusePrevention: { min: 1, max: 24 },
  source: `${API_REFERENCE}, UpdateAccountPasswordPolicy`,
} as const;

// ---- checks --------------------------------------------------------------------------------------------------

/** Lengths count characters (code points), as IAM does, not UTF-16 units. */
const characters = (text: string) => [...text].length;

/** Why `value` breaks `rule`, in a sentence; undefined when it does not. */
export function textProblem(rule: TextRule, value: string): string | undefined {
  const length = characters(value);
  if (length === 0 && rule.min > 0) return `Enter a ${rule.what}.`;
  if (length < rule.min) return `The ${rule.what} must have at least ${rule.min} characters.`;
  if (length > rule.max) return `The ${rule.what} can have up to ${rule.max} characters.`;
  if (!rule.pattern.test(value)) return `The ${rule.what} ${rule.allowed}.`;
  return undefined;
}

export interface TagInput {
  key: string;
  value: string;
}

/**
 * Resources whose tag keys IAM compares ignoring case: users and roles ("you cannot have separate Department and
 * department tag keys"); customer managed policies' keys are case-sensitive (IAM User Guide, "Tagging IAM resources").
 */
export type TaggableResource = 'user' | 'role' | 'policy';
const CASE_INSENSITIVE_KEYS: ReadonlySet<TaggableResource> = new Set(['user', 'role']);

/** IAM's reasons, worded once: an editor shows them beside the field, tagsProblem names the tag. */
export const TAG_REASONS = {
  emptyKey: 'Enter a tag key. A tag can have an empty value but not an empty key.',
  keyTooLong: `A tag key can have up to ${MAX_TAG_KEY_LENGTH} characters.`,
  valueTooLong: `A tag value can have up to ${MAX_TAG_VALUE_LENGTH} characters.`,
  keyCharacters: `A tag key ${TAG_ALLOWED}`,
  valueCharacters: `A tag value ${TAG_ALLOWED}`,
  reservedKey: 'A tag key cannot begin with aws: (reserved for AWS use).',
  reservedValue: 'A tag value cannot begin with aws: (reserved for AWS use).',
  duplicateKey: 'Each tag key can be used only once.',
  tooMany: `A resource can have up to ${MAX_TAGS_PER_RESOURCE} tags.`,
} as const;

/** Why IAM refuses `key` as a tag key, or undefined when it accepts it. */
export function tagKeyProblem(key: string): string | undefined {
  if (key.length === 0) return TAG_REASONS.emptyKey;
  if (characters(key) > MAX_TAG_KEY_LENGTH) return TAG_REASONS.keyTooLong;
  if (!TAG_KEY.pattern.test(key)) return TAG_REASONS.keyCharacters;
  if (RESERVED_TAG_PREFIX.test(key)) return TAG_REASONS.reservedKey;
  return undefined;
}

/** Why IAM refuses `value` as a tag value, or undefined when it accepts it (an empty value is fine). */
export function tagValueProblem(value: string): string | undefined {
  if (characters(value) > MAX_TAG_VALUE_LENGTH) return TAG_REASONS.valueTooLong;
  if (!TAG_VALUE.pattern.test(value)) return TAG_REASONS.valueCharacters;
  if (RESERVED_TAG_PREFIX.test(value)) return TAG_REASONS.reservedValue;
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
