/** Where a policy document stops being valid JSON IAM could read, or undefined when it parses. */
export function policyJsonProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a policy document.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `The document is not valid JSON: ${(error as Error).message}`;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'A policy document is a JSON object.';
  if (!('Statement' in parsed)) return 'A policy document needs a Statement.';
  // IAM counts the document without whitespace against the 6,144-character managed policy quota.
  const size = JSON.stringify(parsed).length;
  if (size > 6144) return `The document has ${size} characters without whitespace; managed policies allow 6,144.`;
  return undefined;
}

export const STARTER_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadOwnUser', Effect: 'Allow', Action: ['iam:GetUser'], Resource: 'arn:aws:iam::*:user/${aws:username}' }],
  },
  null,
  2,
);
