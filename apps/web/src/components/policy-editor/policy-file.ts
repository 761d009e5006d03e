// Import and export of the editor's text as a .json file. Pure but for the File read, so tested without a DOM.

/** Larger than any policy IAM accepts (managed 6,144 characters, trust 4,096) many times over. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export function importProblem(file: { name: string; size: number }): string | undefined {
  if (file.size > MAX_IMPORT_BYTES) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a policy file must be 1 MB or smaller.`;
  return undefined;
}

/** The text of a chosen file, or why it is refused. */
export async function readPolicyFile(file: File): Promise<{ text: string } | { problem: string }> {
  const problem = importProblem(file);
  if (problem) return { problem };
  try {
    return { text: await file.text() };
  } catch (error) {
    return { problem: `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `<name>.json`, the name reduced to characters every file system accepts; "policy.json" without one. */
export function exportFileName(name: string | undefined): string {
  const base = (name ?? '').trim().replace(/\.json$/i, '').replace(/[^A-Za-z0-9+=,.@_-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${base || 'policy'}.json`;
}
