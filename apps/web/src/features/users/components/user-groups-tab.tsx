import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import type { OptionsSource } from '../../../lib/iam-types.ts';
import { useAddUserToGroup, useRemoveUserFromGroup, type UserDetail } from '../api/users.ts';

export interface GroupOption {
  groupName: string;
}

function AddToGroupsModal({ userName, groups, memberOf, onClose }: { userName: string; groups: OptionsSource<GroupOption>; memberOf: Set<string>; onClose: () => void }) {
  const add = useAddUserToGroup(userName);
  const [selected, setSelected] = useState<readonly MultiselectProps.Option[]>([]);
  const options = (groups.items ?? []).filter((group) => !memberOf.has(group.groupName)).map((group) => ({ value: group.groupName, label: group.groupName }));
  const save = async () => {
    for (const option of selected) await add.mutateAsync(option.value ?? '');
    notifySuccess(`${userName} added to ${selected.map((option) => option.label).join(', ')}.`);
    onClose();
  };
  return (
    <Modal
      visible
      header={`Add ${userName} to groups`}
      onDismiss={onClose}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" disabled={selected.length === 0} loading={add.isPending} onClick={() => void save().catch(() => undefined)}>
              Add to groups
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <FormField label="User groups">
          <Multiselect
            selectedOptions={selected}
            onChange={({ detail }) => setSelected(detail.selectedOptions)}
            options={options}
            filteringType="auto"
            placeholder="Choose groups"
            statusType={groups.loading ? 'loading' : 'finished'}
            loadingText="Loading groups"
            empty="No other groups"
          />
        </FormField>
        {groups.error ? <ErrorAlert error={groups.error} header="Could not list groups" /> : null}
        {add.error ? <ErrorAlert error={add.error} header="Could not add to a group" /> : null}
      </SpaceBetween>
    </Modal>
  );
}

export function UserGroupsTab({ detail, groups }: { detail: UserDetail; groups: OptionsSource<GroupOption> }) {
  const userName = detail.user.userName;
  const remove = useRemoveUserFromGroup(userName);
  const [selected, setSelected] = useState<UserDetail['groups']>([]);
  const [adding, setAdding] = useState(false);
  const removeSelected = async () => {
    for (const group of selected) {
      try {
        await remove.mutateAsync(group.groupName);
        notifySuccess(`${userName} removed from ${group.groupName}.`);
      } catch (error) {
        notifyError(`Could not remove ${userName} from ${group.groupName}`, error);
      }
    }
    setSelected([]);
  };
  return (
    <>
      <Table
        items={detail.groups}
        trackBy="groupName"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail: change }) => setSelected(change.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_s, group) => `Select ${group.groupName}`, allItemsSelectionLabel: () => 'Select all groups', selectionGroupLabel: 'Group selection' }}
        header={
          <Header
            counter={`(${detail.groups.length})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={selected.length === 0} loading={remove.isPending} onClick={() => void removeSelected()}>
                  Remove
                </Button>
                <Button variant="primary" onClick={() => setAdding(true)}>
                  Add user to groups
                </Button>
              </SpaceBetween>
            }
          >
            User groups membership
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Group name', cell: (group) => <RouterLink href={`/groups/${encodeURIComponent(group.groupName)}`}>{group.groupName}</RouterLink> },
          {
            id: 'policies',
            header: 'Attached policies',
            cell: (group) => {
              const policies = detail.groupPolicies.find((entry) => entry.groupName === group.groupName);
              return policies ? [...policies.attached.map((p) => p.policyName), ...policies.inline.map((p) => p.policyName)].join(', ') || '-' : '-';
            },
          },
        ]}
        empty={<Box textAlign="center" color="text-status-inactive">{userName} is not a member of any group.</Box>}
      />
      {adding ? <AddToGroupsModal userName={userName} groups={groups} memberOf={new Set(detail.groups.map((g) => g.groupName))} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
