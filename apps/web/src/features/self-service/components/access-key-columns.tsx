import Box from '@cloudscape-design/components/box';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import type { OwnAccessKey } from '../api/self-service.ts';
import { isOlderThanRotation, KEY_ROTATION_DAYS } from './section-state.ts';

export type AccessKeyAction = 'activate' | 'deactivate' | 'delete';

export interface AccessKeyColumnsOptions {
  sessionAccessKeyId: string | undefined;
  /** Whether IAM let the page read the keys' last use and descriptions: "-" for none, "Unknown" when it did not. */
  lastUseKnown: boolean;
  descriptionsKnown: boolean;
  now: number;
  onAction: (key: OwnAccessKey, action: AccessKeyAction) => void;
}

const unknown = <Box color="text-status-inactive">Unknown</Box>;

/** The columns of My security credentials' access key table, as the AWS console has them. */
export function accessKeyColumns({ sessionAccessKeyId, lastUseKnown, descriptionsKnown, now, onAction }: AccessKeyColumnsOptions): TableProps.ColumnDefinition<OwnAccessKey>[] {
  const used = (key: OwnAccessKey, fact: (u: NonNullable<OwnAccessKey['lastUsed']>) => string): ReactNode =>
    key.lastUsed ? fact(key.lastUsed) : lastUseKnown ? '-' : unknown;
  return [
    {
      id: 'id',
      header: 'Access key ID',
      isRowHeader: true,
      cell: (k) => (
        <SpaceBetween size="xxxs">
          <code>{k.accessKeyId}</code>
          {k.accessKeyId === sessionAccessKeyId ? <Box variant="small" color="text-body-secondary">Used by this console session</Box> : null}
        </SpaceBetween>
      ),
    },
    { id: 'description', header: 'Description', cell: (k) => k.description ?? (descriptionsKnown ? '-' : unknown) },
    { id: 'status', header: 'Status', cell: (k) => <StatusIndicator type={k.status === 'Active' ? 'success' : 'stopped'}>{k.status}</StatusIndicator> },
    {
      id: 'created',
      header: 'Created',
      cell: (k) =>
        isOlderThanRotation(k.createDate, now) ? (
          <StatusIndicator type="warning">{formatDateTime(k.createDate)} · older than {KEY_ROTATION_DAYS} days, rotate it</StatusIndicator>
        ) : (
          formatDateTime(k.createDate)
        ),
    },
    { id: 'lastUsed', header: 'Last used', cell: (k) => used(k, (u) => (u.date ? formatAge(u.date) : 'Never')) },
    { id: 'region', header: 'Last used region', cell: (k) => used(k, (u) => u.region) },
    { id: 'service', header: 'Last used service', cell: (k) => used(k, (u) => u.service) },
    {
      id: 'actions',
      header: 'Actions',
      cell: (k) => (
        <ButtonDropdown
          variant="inline-icon"
          ariaLabel={`Actions for ${k.accessKeyId}`}
          expandToViewport
          items={[
            k.status === 'Active' ? { id: 'deactivate', text: 'Deactivate' } : { id: 'activate', text: 'Activate' },
            { id: 'delete', text: 'Delete', disabled: k.status === 'Active', disabledReason: 'Deactivate the key first, and check that nothing uses it any more.' },
          ]}
          onItemClick={({ detail }) => onAction(k, detail.id === 'delete' ? 'delete' : detail.id === 'deactivate' ? 'deactivate' : 'activate')}
        />
      ),
    },
  ];
}
