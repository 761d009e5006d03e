import type { UnavailableSection } from './iam-types.ts';

/**
 * The IAM action a refusal names: the BFF's `action` when it sends one, else read from AWS's wording
 * ("… is not authorized to perform: iam:ListAccessKeys on resource: …") or the BFF's ("You lack iam:X on …").
 */
export function refusedAction(section: UnavailableSection): string | undefined {
  if (section.action) return section.action;
  return /perform:\s*([\w-]+:[\w*-]+)/.exec(section.message)?.[1] ?? /You lack ([\w-]+:[\w*-]+)/.exec(section.message)?.[1];
}

/** What the page says in place of a fact it could not read: "Unknown — you lack iam:ListAccessKeys". */
export function unknownText(section: UnavailableSection): string {
  const action = refusedAction(section);
  return action ? `Unknown — you lack ${action}` : 'Unknown — you lack permission to read this';
}

/** The refusals among `names`, in that order. */
export function refusedSections(sections: readonly UnavailableSection[] | undefined, ...names: string[]): UnavailableSection[] {
  return names.flatMap((name) => sections?.filter((section) => section.section === name) ?? []);
}

/** The refusal of section `name`, if IAM refused it. */
export const refusedSection = (sections: readonly UnavailableSection[] | undefined, name: string): UnavailableSection | undefined =>
  refusedSections(sections, name)[0];
