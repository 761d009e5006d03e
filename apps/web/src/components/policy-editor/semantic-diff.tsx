// The policy engine's semantic diff beside a text diff: which actions, on which resources, the change grants
// or takes away (wildcards expanded with the action catalog), and which denies it adds or removes.
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { DiffEntry, PolicyDiff } from '@iam-console/policy-engine/diff/diff-policies.ts';

const SHOWN = 200;

function describe(entry: DiffEntry): string {
  const resources = entry.resources.join(', ') || '*';
  const on = entry.notResource ? `every resource except ${resources}` : resources;
  return `${entry.action} on ${on}${entry.condition ? ` when ${entry.condition}` : ''}`;
}

function Section({ title, entries, tone }: { title: string; entries: DiffEntry[]; tone: 'success' | 'error' | 'warning' | 'info' }) {
  const actions = new Set(entries.map((e) => e.action)).size;
  return (
    <ExpandableSection variant="footer" defaultExpanded={entries.length > 0 && entries.length <= 50} headerText={`${title} (${actions} action${actions === 1 ? '' : 's'})`}>
      {entries.length === 0 ? (
        <Box color="text-status-inactive">None.</Box>
      ) : (
        <ul className="policy-diff-entries" aria-label={title}>
          {entries.slice(0, SHOWN).map((entry) => (
            <li key={describe(entry)}>
              <StatusIndicator type={tone}>{describe(entry)}</StatusIndicator>
            </li>
          ))}
          {entries.length > SHOWN ? <li>… and {entries.length - SHOWN} more</li> : null}
        </ul>
      )}
    </ExpandableSection>
  );
}

export function SemanticDiff({ diff }: { diff: PolicyDiff }) {
  return (
    <SpaceBetween size="s">
      <Section title="Actions gained" entries={diff.granted} tone="warning" />
      <Section title="Actions lost" entries={diff.revoked} tone="info" />
      <Section title="Denies added" entries={diff.denyAdded} tone="success" />
      <Section title="Denies removed" entries={diff.denyRemoved} tone="error" />
      {diff.notes.map((note) => (
        <Box key={`${note.side}:${note.message}`} color="text-body-secondary" fontSize="body-s">
          {note.side === 'before' ? 'Before' : 'After'}: {note.message}
        </Box>
      ))}
    </SpaceBetween>
  );
}
