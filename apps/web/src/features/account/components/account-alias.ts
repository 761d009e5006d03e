/** AWS's rule for account aliases: 3-63 of a-z, 0-9 and single hyphens, not starting or ending with one. */
export function validateAccountAlias(alias: string): string | undefined {
  if (alias.length < 3 || alias.length > 63) return 'The alias must be 3 to 63 characters long.';
  if (!/^[a-z0-9-]+$/.test(alias)) return 'Use only lowercase letters, digits and hyphens.';
  if (alias.startsWith('-') || alias.endsWith('-')) return 'The alias cannot start or end with a hyphen.';
  if (alias.includes('--')) return 'The alias cannot contain two hyphens in a row.';
  if (/^\d{12}$/.test(alias)) return 'The alias cannot be a 12-digit number (it would look like an account ID).';
  return undefined;
}
