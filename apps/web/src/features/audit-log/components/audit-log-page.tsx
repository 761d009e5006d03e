import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState } from 'react';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { auditDownloadHref, useAuditPage, type AuditEntry } from '../api/audit-log.ts';
import { EMPTY_FILTER_FORM, toAuditFilters, type AuditFilterForm } from '../audit-filters.ts';

const PAGE_SIZE = 50;
const RESULTS = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
];

const RELATIVE_OPTIONS: DateRangePickerProps.RelativeOption[] = [
  { key: 'last-1-hour', amount: 1, unit: 'hour', type: 'relative' },
  { key: 'last-1-day', amount: 1, unit: 'day', type: 'relative' },
  { key: 'last-7-days', amount: 7, unit: 'day', type: 'relative' },
  { key: 'last-30-days', amount: 30, unit: 'day', type: 'relative' },
];

const isValidRange: DateRangePickerProps.ValidationFunction = (range) => {
  if (range?.type === 'absolute' && (!range.startDate || !range.endDate)) return { valid: false, errorMessage: 'Choose a start and an end.' };
  if (range?.type === 'absolute' && range.startDate > range.endDate) return { valid: false, errorMessage: 'The start must come before the end.' };
  return { valid: true };
};

/** The filters as they stand once typing pauses, with a relative range fixed to that moment. */
function useAppliedFilters(form: AuditFilterForm): AuditFilters {
  const [applied, setApplied] = useState<AuditFilters>(() => toAuditFilters(form, Date.now()));
  useEffect(() => {
    const timer = setTimeout(() => setApplied(toAuditFilters(form, Date.now())), 300);
    return () => clearTimeout(timer);
  }, [form]);
  return applied;
}

const COLUMNS = [
  { id: 'time', header: 'Time', cell: (e: AuditEntry) => <span title={e.time}>{formatDateTime(e.time)}</span> },
  { id: 'caller', header: 'Caller', cell: (e: AuditEntry) => e.callerArn ?? <Box color="text-status-inactive">Not signed in</Box> },
  { id: 'operation', header: 'Action', cell: (e: AuditEntry) => e.operation, isRowHeader: true },
  { id: 'target', header: 'Target', cell: (e: AuditEntry) => e.target || '-' },
  {
    id: 'result',
    header: 'Outcome',
    cell: (e: AuditEntry) =>
      e.result === 'success' ? <StatusIndicator type="success">Success</StatusIndicator> : <StatusIndicator type="error">{e.errorCode ? `Failure (${e.errorCode})` : 'Failure'}</StatusIndicator>,
  },
  { id: 'status', header: 'HTTP status', cell: (e: AuditEntry) => e.httpStatus },
  { id: 'count', header: 'Requests', cell: (e: AuditEntry) => e.count },
  { id: 'requestId', header: 'AWS request ID', cell: (e: AuditEntry) => e.awsRequestId ?? '-' },
];

/** The console's audit log: newest first, filtered and paged by the BFF, downloadable as CSV or JSON. */
export function AuditLogPage() {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER_FORM);
  const filters = useAppliedFilters(form);
  // Keyset paging: the `before` of each page seen so far (the first is the newest entries).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => {
    setCursors([undefined]);
    setPageIndex(0);
  }, [filters]);
  const page = useAuditPage(filters, cursors[pageIndex], PAGE_SIZE);
  const next = page.data?.nextBefore;
  const update = (patch: Partial<AuditFilterForm>) => setForm((current) => ({ ...current, ...patch }));
  const goTo = (index: number) => {
    if (index === cursors.length && next !== undefined) setCursors([...cursors, next]);
    if (index <= cursors.length) setPageIndex(index);
  };
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Every change made through this console, every sign-in and every refused request, newest first.">
          Audit log
        </Header>
      }
    >
      <SpaceBetween size="l">
        {page.error ? <ErrorAlert error={page.error} header="Could not load the audit log" deniedHeader="You may not read the audit log" /> : null}
        <Table<AuditEntry>
          variant="container"
          items={page.data?.items ?? []}
          loading={page.isPending}
          loadingText="Loading the audit log"
          trackBy="id"
          columnDefinitions={COLUMNS}
          wrapLines
          resizableColumns
          header={
            <Header
              variant="h2"
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button iconName="download" href={auditDownloadHref(filters, 'csv')} download>
                    Download CSV
                  </Button>
                  <Button iconName="download" href={auditDownloadHref(filters, 'json')} download>
                    Download JSON
                  </Button>
                </SpaceBetween>
              }
            >
              Entries
            </Header>
          }
          filter={
            <ColumnLayout columns={4}>
              <FormField label="Date range">
                <DateRangePicker
                  value={form.range}
                  onChange={({ detail }) => update({ range: detail.value })}
                  relativeOptions={RELATIVE_OPTIONS}
                  isValidRange={isValidRange}
                  placeholder="Any time"
                  expandToViewport
                  i18nStrings={{ applyButtonLabel: 'Apply', cancelButtonLabel: 'Cancel', clearButtonLabel: 'Clear', customRelativeRangeOptionLabel: 'Custom range' }}
                  showClearButton
                />
              </FormField>
              <FormField label="Caller">
                <Input type="search" value={form.caller} placeholder="Part of the caller's ARN" onChange={({ detail }) => update({ caller: detail.value })} />
              </FormField>
              <FormField label="Action">
                <Input type="search" value={form.operation} placeholder="e.g. CreateUser, SignIn" onChange={({ detail }) => update({ operation: detail.value })} />
              </FormField>
              <FormField label="Outcome">
                <Select
                  selectedOption={RESULTS.find((r) => r.value === form.result) ?? RESULTS[0]!}
                  options={RESULTS}
                  onChange={({ detail }) => update({ result: detail.selectedOption.value as AuditFilterForm['result'] })}
                />
              </FormField>
            </ColumnLayout>
          }
          empty={<Box textAlign="center">No entries match the filters.</Box>}
          pagination={
            <Pagination
              currentPageIndex={pageIndex + 1}
              pagesCount={cursors.length}
              openEnd={next !== undefined && pageIndex === cursors.length - 1}
              onChange={({ detail }) => goTo(detail.currentPageIndex - 1)}
              onNextPageClick={({ detail }) => goTo(detail.requestedPageIndex - 1)}
            />
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
