import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DetailLoadFailed } from '../../../components/detail-load-failed.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import { Loading } from '../../../components/loading.tsx';
import { about, notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { PickNamesModal } from '../../../components/pick-names-modal.tsx';
import { useConfirmRemoval } from '../../../components/confirm-removal.tsx';
import { inlineRow, managedRow, PermissionsPoliciesTable } from '../../../components/permissions/permissions-policies-table.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { UnavailableSections } from '../../../components/unavailable-sections.tsx';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { refusedSections } from '../../../lib/unavailable.ts';
import {
  useAddGroupMember,
  useAttachGroupPolicy,
  useDeleteGroupInlinePolicy,
  usePutGroupInlinePolicy,
  useDetachGroupPolicy,
  useGroup,
  useRemoveGroupMember,
  type GroupDetail as GroupDetailData,
  type GroupMember,
} from '../api/groups.ts';
import { DeleteGroupModal } from './delete-group-modal.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';

export interface UserOption {
  userName: string;
}

function MembersTab({ detail, users }: { detail: GroupDetailData; users: OptionsSource<UserOption> }) {
  const groupName = detail.group.groupName;
  const add = useAddGroupMember(groupName);
  const remove = useRemoveGroupMember(groupName);
  const [selected, setSelected] = useState<GroupMember[]>([]);
  const [adding, setAdding] = useState(false);
  const confirm = useConfirmRemoval();
  const { can } = useCapabilities();
  const mayRemove = can('iam:RemoveUserFromGroup');
  const removeSelected = async () => {
    for (const member of selected) {
      try {
        await remove.mutateAsync(member.userName);
        notifySuccess(`${member.userName} removed from ${groupName}.`, { subjects: about.membership(groupName, member.userName) });
      } catch (error) {
        notifyError(`Could not remove ${member.userName}`, error, { subjects: about.membership(groupName, member.userName) });
      }
    }
    setSelected([]);
  };
  return (
    <>
      <Table
        items={detail.users}
        trackBy="userName"
        selectionType={mayRemove ? 'multi' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail: change }) => setSelected(change.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_s, user) => `Select ${user.userName}`, allItemsSelectionLabel: () => 'Select all users', selectionGroupLabel: 'User selection' }}
        header={
          <Header
            counter={`(${detail.users.length})`}
            description="An IAM user can be in up to 10 groups."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {mayRemove ? <Button disabled={selected.length === 0} loading={remove.isPending} onClick={() =>
                    confirm.ask(`Remove ${selected.length === 1 ? selected[0]?.userName : `${selected.length} users`} from ${groupName}?`, 'They lose the permissions the group grants; the users themselves remain.', () => void removeSelected())
                  }
                >
                  Remove users
                </Button> : null}
                {can('iam:AddUserToGroup') ? (
                  <Button variant="primary" onClick={() => setAdding(true)}>
                    Add users
                  </Button>
                ) : null}
              </SpaceBetween>
            }
          >
            Users in this group
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'User name', cell: (user) => <RouterLink href={detailPath.user(user.userName)}>{user.userName}</RouterLink>, isRowHeader: true },
          { id: 'lastSignIn', header: 'Console last sign-in', cell: (user) => formatAge(user.passwordLastUsed) },
          { id: 'created', header: 'Creation time', cell: (user) => formatAge(user.createDate) },
        ]}
        empty={<Box textAlign="center" color="text-status-inactive">No users in this group.</Box>}
      />
      {confirm.dialog}
      {adding ? (
        <PickNamesModal
          header={`Add users to ${groupName}`}
          label="Users"
          primaryLabel="Add users"
          names={users.items?.map((user) => user.userName)}
          loading={users.loading}
          loadError={users.error}
          exclude={new Set(detail.users.map((user) => user.userName))}
          onAdd={async (names) => {
            for (const name of names) await add.mutateAsync(name);
            notifySuccess(`${names.length} ${names.length === 1 ? 'user' : 'users'} added to ${groupName}.`, {
              subjects: names.flatMap((name) => about.membership(groupName, name)),
            });
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}

function PermissionsTab({ detail, policies }: { detail: GroupDetailData; policies: OptionsSource<ManagedPolicyOption> }) {
  const groupName = detail.group.groupName;
  const attach = useAttachGroupPolicy(groupName);
  const detach = useDetachGroupPolicy(groupName);
  const deleteInline = useDeleteGroupInlinePolicy(groupName);
  const putInline = usePutGroupInlinePolicy(groupName);
  return (
    <PermissionsPoliciesTable
      target={groupName}
      subject={about.group(groupName)}
      rows={[...detail.attachedPolicies.map((p) => managedRow(p)), ...detail.inlinePolicies.map((p) => inlineRow(p))]}
      policyOptions={policies}
      onAttach={(arn) => attach.mutateAsync(arn)}
      onDetach={(arn) => detach.mutateAsync(arn)}
      onDeleteInline={(name) => deleteInline.mutateAsync(name)}
      onPutInline={(policyName, document) => putInline.mutateAsync({ policyName, document })}
      inlineFor="group"
      unknown={refusedSections(detail.unavailable, 'attachedPolicies', 'inlinePolicies')}
    />
  );
}

export interface GroupDetailProps {
  groupName: string;
  users: OptionsSource<UserOption>;
  policies: OptionsSource<ManagedPolicyOption>;
}

export function GroupDetail({ groupName, users, policies }: GroupDetailProps) {
  const group = useGroup(groupName);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const { can } = useCapabilities();
  if (group.isPending) return <Loading label={`Loading ${groupName}`} />;
  if (group.error) {
    return <DetailLoadFailed title={groupName} what={`group ${groupName}`} error={group.error} onRetry={() => void group.refetch()} />;
  }
  const detail = group.data;
  return (
    <ContentLayout header={<Header variant="h1" actions={can('iam:DeleteGroup') ? <Button onClick={() => setDeleting(true)}>Delete</Button> : null}>{groupName}</Header>}>
      <SpaceBetween size="l">
        <UnavailableSections sections={detail.unavailable} />
        <Container header={<Header variant="h2">Summary</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'User group name', value: groupName },
              { label: 'Creation time', value: formatDateTime(detail.group.createDate) },
              { label: 'ARN', value: <CopyToClipboard variant="inline" textToCopy={detail.group.arn} copySuccessText="ARN copied" copyErrorText="Could not copy" /> },
            ]}
          />
        </Container>
        <Tabs
          tabs={[
            { id: 'users', label: `Users (${detail.users.length})`, content: <MembersTab detail={detail} users={users} /> },
            { id: 'permissions', label: 'Permissions', content: <PermissionsTab detail={detail} policies={policies} /> },
          ]}
        />
      </SpaceBetween>
      {deleting ? <DeleteGroupModal groupName={groupName} onClose={() => setDeleting(false)} onDeleted={() => navigate('/groups')} /> : null}
    </ContentLayout>
  );
}
