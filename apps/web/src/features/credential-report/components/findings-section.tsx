import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMemo, useState } from 'react';
import {
  CHECKS, CHECK_IDS, DEFAULT_THRESHOLDS, findingThresholds, type CheckId, type Finding, type FindingThresholds,
} from '@iam-console/api-contract/credential-findings.ts';
import { ROOT_ACCOUNT } from '@iam-console/api-contract/credential-report.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

const THRESHOLD_FIELDS: { key: keyof FindingThresholds; label: string; description: string }[] = [
  { key: 'unusedDays', label: 'Unused credentials (days)', description: 'CIS 1.12: a password or active key unused this long' },
  { key: 'keyMaxAgeDays', label: 'Access key age (days)', description: 'CIS 1.14: active keys older than this' },
  { key: 'rootUseDays', label: 'Recent root use (days)', description: 'CIS 1.7: the root user used within this' },
  { key: 'minPasswordLength', label: 'Minimum password length', description: 'CIS 1.8' },
  { key: 'passwordReuse', label: 'Passwords remembered', description: 'CIS 1.9' },
];

/** The thresholds form: each field applies once it holds a value the checks take. */
export function ThresholdsForm({ value, onChange }: { value: FindingThresholds; onChange: (next: FindingThresholds) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])));
  const parsed = findingThresholds.safeParse(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, Number(v)])));
  const problems = new Map(parsed.success ? [] : parsed.error.issues.map((i) => [String(i.path[0]), i.message] as const));
  const set = (key: string, text: string) => {
    const next = { ...draft, [key]: text };
    setDraft(next);
    const checked = findingThresholds.safeParse(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, Number(v)])));
    if (checked.success) onChange(checked.data);
  };
  return (
    <ExpandableSection headerText="Finding thresholds" variant="footer">
      <SpaceBetween size="s">
        <ColumnLayout columns={3}>
          {THRESHOLD_FIELDS.map((field) => (
            <FormField key={field.key} label={field.label} description={field.description} errorText={problems.get(field.key)}>
              <Input type="number" inputMode="numeric" value={draft[field.key] ?? ''} onChange={({ detail }) => set(field.key, detail.value)} />
            </FormField>
          ))}
        </ColumnLayout>
        <Button
          onClick={() => {
            setDraft(Object.fromEntries(Object.entries(DEFAULT_THRESHOLDS).map(([k, v]) => [k, String(v)])));
            onChange(DEFAULT_THRESHOLDS);
          }}
        >
          Reset to CIS defaults
        </Button>
      </SpaceBetween>
    </ExpandableSection>
  );
}

const SEVERITY = { high: 'error', medium: 'warning', low: 'info' } as const;
const PAGE_SIZE = 20;

function Subject({ finding }: { finding: Finding }) {
  if (finding.user === null) return <span>Account</span>;
  if (finding.user === ROOT_ACCOUNT) return <span>{ROOT_ACCOUNT}</span>;
  return <RouterLink href={detailPath.user(finding.user)}>{finding.user}</RouterLink>;
}

export interface FindingsSectionProps {
  findings: readonly Finding[];
  thresholds: FindingThresholds;
  onThresholdsChange: (next: FindingThresholds) => void;
  /** Why the password policy checks are missing (IAM's refusal), when they are. */
  policyNote?: string | undefined;
}

/** The findings of the report and the password policy, each linked to its user, filterable by check. */
export function FindingsSection({ findings, thresholds, onThresholdsChange, policyNote }: FindingsSectionProps) {
  const [check, setCheck] = useState<CheckId | 'all'>('all');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => (check === 'all' ? findings : findings.filter((f) => f.check === check)), [findings, check]);
  const pagesCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pagesCount);
  const options = [
    { value: 'all', label: 'All checks' },
    ...CHECK_IDS.map((id) => ({ value: id, label: `${CHECKS[id].cis} ${CHECKS[id].title}`, tags: [String(findings.filter((f) => f.check === id).length)] })),
  ];
  return (
    <Table<Finding>
      variant="container"
      items={shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)}
      header={
        <Header variant="h2" counter={`(${findings.length})`} description={policyNote ?? 'CIS AWS Foundations Benchmark v3.0.0, identity and access management checks'}>
          Findings
        </Header>
      }
      filter={
        <Select
          selectedOption={options.find((o) => o.value === check) ?? options[0]!}
          options={options}
          onChange={({ detail }) => {
            setPage(1);
            setCheck(detail.selectedOption.value as CheckId | 'all');
          }}
          ariaLabel="Check"
        />
      }
      columnDefinitions={[
        { id: 'severity', header: 'Severity', cell: (f) => <StatusIndicator type={SEVERITY[f.severity]}>{f.severity[0]!.toUpperCase() + f.severity.slice(1)}</StatusIndicator> },
        { id: 'check', header: 'Check', cell: (f) => `${f.cis} ${CHECKS[f.check].title}` },
        { id: 'subject', header: 'User', cell: (f) => <Subject finding={f} />, isRowHeader: true },
        { id: 'detail', header: 'Detail', cell: (f) => f.detail },
      ]}
      empty={<Box textAlign="center">No findings: every check passes.</Box>}
      pagination={<Pagination currentPageIndex={current} pagesCount={pagesCount} onChange={({ detail }) => setPage(detail.currentPageIndex)} />}
      footer={<ThresholdsForm value={thresholds} onChange={onThresholdsChange} />}
    />
  );
}
