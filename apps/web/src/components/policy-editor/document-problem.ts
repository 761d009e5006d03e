// Whether a policy in the editor can be saved: IAM refuses a document with errors, so the form says so at once
// instead of sending it. Warnings and suggestions do not stop a save (the IAM console's validator behaves alike).
import type { Finding } from '@iam-console/policy-engine/validate/finding.ts';

export function documentProblem(text: string, findings: readonly Finding[]): string | undefined {
  if (text.trim() === '') return 'Enter a policy document.';
  const errors = findings.filter((f) => f.findingType === 'ERROR').length;
  if (errors > 0) return `The policy has ${errors} error${errors === 1 ? '' : 's'}. Fix ${errors === 1 ? 'it' : 'them'} before saving (see Errors under the editor).`;
  // The findings may not have arrived yet for the latest text: JSON that does not parse never saves.
  try {
    JSON.parse(text);
  } catch (error) {
    return `The document is not valid JSON: ${(error as Error).message}`;
  }
  return undefined;
}
