// IAM's two wildcards in action names and ARNs: * (any run of characters) and ? (exactly one character).

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Converts an IAM wildcard pattern into an anchored RegExp; every other character is literal. */
export function wildcardToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (const c of pattern) {
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}
