import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import type { UnavailableSection } from '../lib/iam-types.ts';

const LABELS: Record<string, string> = {
  groups: 'Groups',
  attachedPolicies: 'Attached policies',
  inlinePolicies: 'Inline policies',
  groupPolicies: 'Policies from groups',
  accessKeys: 'Access keys',
  mfaDevices: 'MFA devices',
  loginProfile: 'Console password',
  users: 'Members',
  tags: 'Tags',
  entities: 'Entities attached',
  versions: 'Policy versions',
};

/** Parts of a detail page IAM refused to show the signed-in principal, each with IAM's reason. */
export function UnavailableSections({ sections }: { sections: readonly UnavailableSection[] | undefined }) {
  if (!sections || sections.length === 0) return null;
  return (
    <Alert type="warning" header="Some details are hidden because you lack permission">
      <ul>
        {sections.map((section) => (
          <li key={section.section}>
            <b>{LABELS[section.section] ?? section.section}</b>: {section.message}{' '}
            <Box variant="small" color="text-body-secondary" display="inline">
              ({section.code})
            </Box>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
