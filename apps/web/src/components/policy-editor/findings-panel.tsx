// The findings of the policy engine under the editor, by type with counts (as the IAM console's policy
// validator shows them); choosing one selects its range in the editor.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import type { FindingType } from '@iam-console/policy-engine/validate/finding.ts';
import { groupFindings } from './markers.ts';
import type { EditorFinding } from './service/protocol.ts';

const STATUS: Record<FindingType, 'error' | 'warning' | 'info'> = { SECURITY_WARNING: 'error', ERROR: 'error', WARNING: 'warning', SUGGESTION: 'info' };

export function FindingsPanel({ findings, onSelect }: { findings: readonly EditorFinding[]; onSelect: (finding: EditorFinding) => void }) {
  const groups = groupFindings(findings);
  const [chosen, setChosen] = useState<FindingType | undefined>();
  const active = chosen ?? groups.find((g) => g.findings.length > 0)?.type ?? 'ERROR';
  return (
    <Tabs
      variant="container"
      activeTabId={active}
      onChange={({ detail }) => setChosen(detail.activeTabId as FindingType)}
      ariaLabel="Policy validation"
      tabs={groups.map((group) => ({
        id: group.type,
        label: `${group.label}: ${group.findings.length}`,
        content: group.findings.length ? (
          <ul className="policy-findings" aria-label={group.label}>
            {group.findings.map((finding, index) => (
              <li key={`${finding.issueCode}-${finding.range.offset}-${index}`}>
                <SpaceBetween direction="horizontal" size="xs" alignItems="center">
                  <StatusIndicator type={STATUS[finding.findingType]}>
                    <Button variant="inline-link" formAction="none" onClick={() => onSelect(finding)} ariaLabel={`Ln ${finding.range.start.line + 1}, Col ${finding.range.start.column + 1}: ${finding.message}`}>
                      Ln {finding.range.start.line + 1}, Col {finding.range.start.column + 1}
                    </Button>
                  </StatusIndicator>
                  <span>{finding.message}</span>
                  <Box variant="code" color="text-body-secondary" fontSize="body-s">
                    {finding.issueCode}
                  </Box>
                  {finding.learnMoreLink ? (
                    <Link external href={finding.learnMoreLink} fontSize="body-s">
                      Learn more
                    </Link>
                  ) : null}
                </SpaceBetween>
              </li>
            ))}
          </ul>
        ) : (
          <Box color="text-status-inactive">No {group.label.toLowerCase()}.</Box>
        ),
      }))}
    />
  );
}
