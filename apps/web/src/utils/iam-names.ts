// IAM's name and path rules (IAM quotas page: "names and character limits").
const NAME_CHARS = /^[\w+=,.@-]+$/;

/** Why `name` is not a valid user, group or role name, or undefined when it is. */
export function nameProblem(name: string, kind: string, maxLength = 64): string | undefined {
  if (name.length === 0) return `Enter a ${kind} name.`;
  if (name.length > maxLength) return `The ${kind} name can have up to ${maxLength} characters.`;
  if (!NAME_CHARS.test(name)) return `The ${kind} name can contain only letters, digits and + = , . @ - _`;
  return undefined;
}

/** Why `path` is not a valid IAM path (`/` or `/division/team/`), or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (path === '' || path === '/') return undefined;
  if (path.length > 512) return 'The path can have up to 512 characters.';
  if (!path.startsWith('/') || !path.endsWith('/')) return 'The path must begin and end with a slash (/).';
  if (!/^[\u0021-\u007E]+$/.test(path)) return 'The path can contain only printable ASCII characters without spaces.';
  if (path.includes('//')) return 'The path cannot contain empty segments (//).';
  return undefined;
}

/** Tag rules: up to 50, key 1-128 and value up to 256 characters, keys unique ignoring case. */
export function tagsProblem(tags: readonly { key: string; value: string }[]): string | undefined {
  if (tags.length > 50) return 'A resource can have up to 50 tags.';
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.key.length === 0 || tag.key.length > 128) return 'Each tag key must have 1 to 128 characters.';
    if (tag.value.length > 256) return `The value of tag ${tag.key} can have up to 256 characters.`;
    const lower = tag.key.toLowerCase();
    if (seen.has(lower)) return `Tag key ${tag.key} is used twice.`;
    seen.add(lower);
  }
  return undefined;
}
