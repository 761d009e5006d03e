// Recognises template and documentation placeholders ("<role_arn>", "{{account}}", "ACCOUNT-B-ID",
// "account-id", "service-prefix-1"), so a finding can say "replace the placeholder" instead of "invalid".
// Where IAM would still accept the document on save, a placeholder is a WARNING rather than an ERROR.

const BRACKETED = /<[^<>]+>|\{\{[^{}]+\}\}/;
/** Words used as stand-ins in docs and templates, as whole dash/underscore/space-separated tokens. */
const PLACEHOLDER_TOKEN = /(^|[-_ ])(your|my|example|placeholder|prefix|account|id|name|region|xxx+)([-_ ']|$)/i;

export function looksLikePlaceholder(text: string): boolean {
  if (BRACKETED.test(text)) return true;
  // Real account IDs, regions and service prefixes carry digits or are short codes; placeholders are words.
  return /^[A-Za-z][A-Za-z0-9' _-]*$/.test(text) && PLACEHOLDER_TOKEN.test(text);
}
