import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UnavailableSection } from '../lib/iam-types.ts';
import { unknownText } from '../lib/unavailable.ts';

const LABELS: Record<string, string> = {
  groups: 'Groups',
  attachedPolicies: 'Attached policies',
  inlinePolicies: 'Inline policies',
  groupPolicies: 'Policies from groups',
  accessKeys: 'Access keys',
  accessKeyLastUsed: 'Access key last use',
  mfaDevices: 'MFA devices',
  loginProfile: 'Console password',
  users: 'Members',
  tags: 'Tags',
  entities: 'Entities attached',
  versions: 'Policy versions',
};

export const sectionLabel = (section: UnavailableSection): string => LABELS[section.section] ?? section.section;

/**
 * Stands where a fact would be when IAM refused to tell it: never "None" or "Disabled" by default. `short`
 * says only "Unknown", for table cells whose missing permission a notice above the table names once.
 */
export function UnknownValue({ section, short = false }: { section: UnavailableSection; short?: boolean }) {
  return (
    <span title={section.message} data-testid={`unknown-${section.section}`}>
      <StatusIndicator type="warning">{short ? 'Unknown' : unknownText(section)}</StatusIndicator>
    </span>
  );
}

/** A table's empty state when IAM refused the list: an empty table would claim there is nothing. */
export function UnknownEmpty({ section }: { section: UnavailableSection }) {
  return (
    <Box textAlign="center">
      <UnknownValue section={section} />
    </Box>
  );
}

/**
 * One line per refused section, labelled: for tables whose rows may be incomplete or whose emptiness is not
 * known. `inline` renders phrasing content only, for places like a header description (a <p>).
 */
export function UnknownSections({ sections, inline = false }: { sections: readonly UnavailableSection[]; inline?: boolean }) {
  if (sections.length === 0) return null;
  const line = (section: UnavailableSection) => (
    <>
      {sectionLabel(section)}: <UnknownValue section={section} />
    </>
  );
  if (inline) {
    return sections.map((section) => (
      <span key={section.section}>
        <br />
        {line(section)}
      </span>
    ));
  }
  return (
    <SpaceBetween size="xxs">
      {sections.map((section) => (
        <Box key={section.section} color="inherit">
          {line(section)}
        </Box>
      ))}
    </SpaceBetween>
  );
}

/** Parts of a detail page IAM refused to show the signed-in principal, each with IAM's reason. */
export function UnavailableSections({ sections }: { sections: readonly UnavailableSection[] | undefined }) {
  if (!sections || sections.length === 0) return null;
  return (
    <Alert type="warning" header="Some details are hidden because you lack permission">
      <ul>
        {sections.map((section) => (
          <li key={section.section}>
            <b>{sectionLabel(section)}</b>: {section.message}{' '}
            <Box variant="small" color="text-body-secondary" display="inline">
              ({section.code})
            </Box>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
