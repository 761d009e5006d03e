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
