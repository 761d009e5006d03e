import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { about, notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { PickNamesModal } from '../../../components/pick-names-modal.tsx';
import { useConfirmRemoval } from '../../../components/confirm-removal.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { UnknownEmpty, UnknownValue } from '../../../components/unavailable-sections.tsx';
import type { OptionsSource } from '../../../lib/iam-types.ts';
import { refusedSection } from '../../../lib/unavailable.ts';
import { useAddUserToGroup, useRemoveUserFromGroup, type UserDetail } from '../api/users.ts';
import { detailPath } from '../../../lib/path-segment.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';

export interface GroupOption {
  groupName: string;
}

export function UserGroupsTab({ detail, groups }: { detail: UserDetail; groups: OptionsSource<GroupOption> }) {
  const userName = detail.user.userName;
  const add = useAddUserToGroup(userName);
  const remove = useRemoveUserFromGroup(userName);
  const [selected, setSelected] = useState<UserDetail['groups']>([]);
  const [adding, setAdding] = useState(false);
  const confirm = useConfirmRemoval();
  const { can } = useCapabilities();
  const mayRemove = can('iam:RemoveUserFromGroup');
  const groupsRefused = refusedSection(detail.unavailable, 'groups');
  const policiesRefused = refusedSection(detail.unavailable, 'groupPolicies');
  const removeSelected = async () => {
    for (const group of selected) {
      try {
        await remove.mutateAsync(group.groupName);
        notifySuccess(`${userName} removed from ${group.groupName}.`, { subjects: about.membership(group.groupName, userName) });
      } catch (error) {
        notifyError(`Could not remove ${userName} from ${group.groupName}`, error, { subjects: about.membership(group.groupName, userName) });
      }
    }
    setSelected([]);
  };
  return (
    <>
      <Table
        items={detail.groups}
        trackBy="groupName"
        selectionType={mayRemove ? 'multi' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail: change }) => setSelected(change.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_s, group) => `Select ${group.groupName}`, allItemsSelectionLabel: () => 'Select all groups', selectionGroupLabel: 'Group selection' }}
        header={
          <Header
            counter={groupsRefused ? undefined : `(${detail.groups.length})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {mayRemove ? <Button disabled={selected.length === 0} loading={remove.isPending} onClick={() =>
                    confirm.ask(`Remove ${userName} from ${selected.map((group) => group.groupName).join(', ')}?`, `${userName} loses the permissions these groups grant.`, () => void removeSelected())
                  }
                >
                  Remove
                </Button> : null}
                {can('iam:AddUserToGroup') ? (
                  <Button variant="primary" onClick={() => setAdding(true)}>
                    Add user to groups
                  </Button>
                ) : null}
              </SpaceBetween>
            }
          >
            User groups membership
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Group name', cell: (group) => <RouterLink href={detailPath.group(group.groupName)}>{group.groupName}</RouterLink> },
          {
            id: 'policies',
            header: 'Attached policies',
            cell: (group) => {
              if (policiesRefused) return <UnknownValue section={policiesRefused} />;
              const policies = detail.groupPolicies.find((entry) => entry.groupName === group.groupName);
              return policies ? [...policies.attached.map((p) => p.policyName), ...policies.inline.map((p) => p.policyName)].join(', ') || '-' : '-';
            },
          },
        ]}
        empty={
          groupsRefused ? (
            <UnknownEmpty section={groupsRefused} />
          ) : (
            <Box textAlign="center" color="text-status-inactive">{userName} is not a member of any group.</Box>
          )
        }
      />
      {confirm.dialog}
      {adding ? (
        <PickNamesModal
          header={`Add ${userName} to groups`}
          label="User groups"
          primaryLabel="Add to groups"
          names={groups.items?.map((group) => group.groupName)}
          loading={groups.loading}
          loadError={groups.error}
          exclude={new Set(detail.groups.map((group) => group.groupName))}
          onAdd={async (names) => {
            for (const name of names) await add.mutateAsync(name);
            notifySuccess(`${userName} added to ${names.join(', ')}.`, { subjects: names.flatMap((name) => about.membership(name, userName)) });
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}
