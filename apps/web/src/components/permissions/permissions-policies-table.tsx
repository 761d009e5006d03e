import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { useMemo, useState } from 'react';
import type { ManagedPolicyOption, OptionsSource, UnavailableSection } from '../../lib/iam-types.ts';
import { about, notifyError, notifySuccess } from '../notifications.tsx';
import { JsonView, prettyJson } from '../json-view.tsx';
import { RouterLink } from '../router-link.tsx';
import { useConfirmRemoval } from '../confirm-removal.tsx';
import { UnknownSections } from '../unavailable-sections.tsx';
import { AttachPoliciesModal } from './attach-policies-modal.tsx';
import { InlinePolicyModal } from './inline-policy-modal.tsx';
import { policyTypeLabel } from './policy-options.ts';
import { detailPath } from '../../lib/path-segment.ts';
import { useCapabilities, type ConsoleAction } from '../../lib/capabilities.ts';


/** One policy that applies to the principal, however it got there. */
export interface PermissionRow {
  id: string;
  policyName: string;
  policyArn?: string;
  document?: string;
  type: string;
  /** "Directly" or "Group admins". */
  attachedVia: string;
  /** Only what is attached directly can be removed from this page. */
  removable: boolean;
}

export function managedRow(policy: { policyName: string; policyArn: string }, attachedVia = 'Directly'): PermissionRow {
  return {
    id: `${attachedVia}:${policy.policyArn}`,
    policyName: policy.policyName,
    policyArn: policy.policyArn,
    type: policyTypeLabel(policy.policyArn),
    attachedVia,
    removable: attachedVia === 'Directly',
  };
}

export function inlineRow(policy: { policyName: string; document: string }, attachedVia = 'Directly'): PermissionRow {
  return {
    id: `${attachedVia}:inline:${policy.policyName}`,
    policyName: policy.policyName,
    document: policy.document,
    type: 'Customer inline',
    attachedVia,
    removable: attachedVia === 'Directly',
  };
}

export interface PermissionsPoliciesTableProps {
  target: string;
  /** The principal's notification subject (`about.user(name)`…): notices about its policies are parts of it. */
  subject: string;
  rows: PermissionRow[];
  policyOptions: OptionsSource<ManagedPolicyOption>;
  onAttach: (policyArn: string) => Promise<unknown>;
  onDetach: (policyArn: string) => Promise<unknown>;
  onDeleteInline: (policyName: string) => Promise<unknown>;
  /** Creates or replaces an inline policy; with it the table offers Create inline policy and editing. */
  onPutInline?: (policyName: string, document: string) => Promise<unknown>;
  /** The kind of entity, for the inline policy quota. */
  inlineFor?: 'user' | 'group' | 'role';
  /** Sources of rows IAM refused to list: the rows shown may then be incomplete, and none does not mean none. */
  unknown?: readonly UnavailableSection[];
}

type PolicyChange = 'Attach' | 'Detach' | 'Put' | 'Delete';
const KIND = { user: 'User', group: 'Group', role: 'Role' } as const;
/** iam:AttachUserPolicy, iam:DeleteRolePolicy, …: the action of a change to the principal's policies. */
const policyAction = (change: PolicyChange, of: keyof typeof KIND) => `iam:${change}${KIND[of]}Policy` as ConsoleAction;

interface PermissionsActionsProps {
  selected: readonly PermissionRow[];
  removing: boolean;
  /** What the signed-in principal may do to this principal's policies: the rest is left out. */
  may: { remove: boolean; putInline: boolean; attach: boolean };
  onRemove: () => void;
  onCreateInline: () => void;
  onAttach: () => void;
}

function PermissionsActions({ selected, removing, may, onRemove, onCreateInline, onAttach }: PermissionsActionsProps) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      {may.remove ? (
        <Button disabled={selected.length === 0} loading={removing} onClick={onRemove}>
          Remove
        </Button>
      ) : null}
      {may.putInline ? <Button onClick={onCreateInline}>Create inline policy</Button> : null}
      {may.attach ? (
        <Button variant="primary" iconName="add-plus" onClick={onAttach}>
          Add permissions
        </Button>
      ) : null}
    </SpaceBetween>
  );
}

/** A managed policy's name links to its page; an inline policy's opens it (`onOpenInline`). */
function permissionColumns(onOpenInline: (row: PermissionRow) => void): TableProps.ColumnDefinition<PermissionRow>[] {
  return [
    {
      id: 'name',
      header: 'Policy name',
      cell: (row) =>
        row.policyArn ? (
          <RouterLink href={detailPath.policy(row.policyArn)}>{row.policyName}</RouterLink>
        ) : (
          <Button variant="inline-link" onClick={() => onOpenInline(row)}>
            {row.policyName}
          </Button>
        ),
    },
    { id: 'type', header: 'Type', cell: (row) => row.type },
    { id: 'via', header: 'Attached via', cell: (row) => row.attachedVia },
  ];
}

/** None, or none that IAM let the caller see. */
function NoPolicies({ target, unknown }: { target: string; unknown: readonly UnavailableSection[] }) {
  return unknown.length > 0 ? (
    <Box textAlign="center" color="inherit" padding="m">
      <UnknownSections sections={unknown} />
    </Box>
  ) : (
    <Box textAlign="center" color="inherit" padding="m">
      <b>No permissions policies</b>
      <Box variant="p" color="inherit">
        {target} has no policies.
      </Box>
    </Box>
  );
}

/** The "Permissions policies" table of a user, group or role, with Add permissions and Remove. */
export function PermissionsPoliciesTable({ target, subject, rows, policyOptions, onAttach, onDetach, onDeleteInline, onPutInline, inlineFor = 'user', unknown = [] }: PermissionsPoliciesTableProps) {
  const [selected, setSelected] = useState<PermissionRow[]>([]);
  const [filter, setFilter] = useState('');
  const [attaching, setAttaching] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [viewing, setViewing] = useState<PermissionRow | null>(null);
  /** The inline policy in the editor: a row to edit, or 'new'. */
  const [editing, setEditing] = useState<PermissionRow | 'new' | null>(null);
  const confirm = useConfirmRemoval();
  const { can } = useCapabilities();
  const mayAttach = can(policyAction('Attach', inlineFor));
  const mayRemove = can(policyAction('Detach', inlineFor), policyAction('Delete', inlineFor));
  const mayPutInline = onPutInline !== undefined && can(policyAction('Put', inlineFor));
  const attachedArns = useMemo(() => new Set(rows.filter((row) => row.removable && row.policyArn).map((row) => row.policyArn ?? '')), [rows]);
  const visible = rows.filter((row) => row.policyName.toLowerCase().includes(filter.toLowerCase()));

  const policySubjects = (row: PermissionRow) =>
    row.policyArn ? about.attachment(subject, row.policyName) : [about.part(subject, 'inline-policy', row.policyName)];

  const remove = async () => {
    setRemoving(true);
    for (const row of selected) {
      try {
        if (row.policyArn) await onDetach(row.policyArn);
        else await onDeleteInline(row.policyName);
        notifySuccess(`Policy ${row.policyName} removed from ${target}.`, { subjects: policySubjects(row) });
      } catch (error) {
        notifyError(`Could not remove ${row.policyName}`, error, { subjects: policySubjects(row) });
      }
    }
    setSelected([]);
    setRemoving(false);
  };

  const attach = async (arns: string[]) => {
    for (const arn of arns) await onAttach(arn);
    notifySuccess(`${arns.length} ${arns.length === 1 ? 'policy' : 'policies'} attached to ${target}.`, {
      subjects: arns.flatMap((arn) => about.attachment(subject, shortName(arn))),
    });
  };

  return (
    <>
      <Table<PermissionRow>
        items={visible}
        trackBy="id"
        selectionType={mayRemove ? 'multi' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems.filter((row) => row.removable))}
        isItemDisabled={(row) => !row.removable}
        ariaLabels={{ itemSelectionLabel: (_s, row) => `Select ${row.policyName}`, allItemsSelectionLabel: () => 'Select all', selectionGroupLabel: 'Policy selection' }}
        header={
          <Header
            counter={unknown.length > 0 ? undefined : `(${rows.length})`}
            description={
              <>
                You can attach up to 10 managed policies.
                {rows.length > 0 ? <UnknownSections sections={unknown} inline /> : null}
              </>
            }
            actions={
              <PermissionsActions
                selected={selected}
                removing={removing}
                may={{ remove: mayRemove, putInline: mayPutInline, attach: mayAttach }}
                onRemove={() =>
                  confirm.ask(
                    `Remove ${selected.length === 1 ? selected[0]?.policyName : `${selected.length} policies`}?`,
                    `${selected.map((row) => row.policyName).join(', ')} will no longer apply to ${target}. Managed policies stay in the account; inline policies are deleted.`,
                    () => void remove(),
                  )
                }
                onCreateInline={() => setEditing('new')}
                onAttach={() => setAttaching(true)}
              />
            }
          >
            Permissions policies
          </Header>
        }
        filter={<TextFilter filteringText={filter} onChange={({ detail }) => setFilter(detail.filteringText)} filteringPlaceholder="Filter by policy name" />}
        columnDefinitions={permissionColumns((row) => (mayPutInline && row.removable ? setEditing(row) : setViewing(row)))}
        empty={<NoPolicies target={target} unknown={unknown} />}
      />
      {confirm.dialog}
      {attaching ? (
        <AttachPoliciesModal target={target} policies={policyOptions} alreadyAttached={attachedArns} onAttach={attach} onClose={() => setAttaching(false)} />
      ) : null}
      {editing && onPutInline ? (
        <InlinePolicyModal
          target={target}
          inlineFor={inlineFor}
          policy={editing === 'new' ? undefined : { policyName: editing.policyName, document: prettyJson(editing.document ?? '') }}
          onSave={async (policyName, document) => {
            await onPutInline(policyName, document);
            notifySuccess(`Inline policy ${policyName} ${editing === 'new' ? 'created for' : 'saved on'} ${target}.`, { subjects: [about.part(subject, 'inline-policy', policyName)] });
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {viewing ? (
        <Modal visible size="large" header={`Inline policy ${viewing.policyName}`} onDismiss={() => setViewing(null)}>
          <JsonView text={viewing.document ?? ''} label="Policy document" />
        </Modal>
      ) : null}
    </>
  );
}
