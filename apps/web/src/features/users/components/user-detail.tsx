import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DetailLoadFailed } from '../../../components/detail-load-failed.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import { Loading } from '../../../components/loading.tsx';
import { BoundaryPanel } from '../../../components/permissions/boundary-panel.tsx';
import { inlineRow, managedRow, PermissionsPoliciesTable, type PermissionRow } from '../../../components/permissions/permissions-policies-table.tsx';
import { about } from '../../../components/notifications.tsx';
import { TagsPanel } from '../../../components/tags-panel.tsx';
import { UnavailableSections, UnknownValue } from '../../../components/unavailable-sections.tsx';
import type { ManagedPolicyOption, OptionsSource, UnavailableSection } from '../../../lib/iam-types.ts';
import { refusedSection, refusedSections } from '../../../lib/unavailable.ts';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';
import {
  useAttachUserPolicy,
  useDeleteUserBoundary,
  useDeleteUserInlinePolicy,
  usePutUserInlinePolicy,
  useDetachUserPolicy,
  usePutUserBoundary,
  useReplaceUserTags,
  useUser,
  type UserDetail as UserDetailData,
} from '../api/users.ts';
import { DeleteUsersModal } from './delete-users-modal.tsx';
import { SecurityCredentialsTab } from './security-credentials-tab.tsx';
import { UserGroupsTab, type GroupOption } from './user-groups-tab.tsx';
import { useCapabilities } from '../../../lib/capabilities.ts';

/** Every policy that applies to the user: attached and inline, directly and through groups. */
export function userPermissionRows(detail: UserDetailData): PermissionRow[] {
  return [
    ...detail.attachedPolicies.map((policy) => managedRow(policy)),
    ...detail.inlinePolicies.map((policy) => inlineRow(policy)),
    ...detail.groupPolicies.flatMap((group) => [
      ...group.attached.map((policy) => managedRow(policy, `Group ${group.groupName}`)),
      ...group.inline.map((policy) => inlineRow(policy, `Group ${group.groupName}`)),
    ]),
  ];
}

/**
 * Sources of permission rows IAM refused. Policies from groups are unknown as well when the groups are:
 * the BFF then has no groups to ask about and reports them as none.
 */
export function userPermissionUnknowns(detail: UserDetailData): UnavailableSection[] {
  const unknown = refusedSections(detail.unavailable, 'attachedPolicies', 'inlinePolicies', 'groupPolicies');
  const groups = refusedSection(detail.unavailable, 'groups');
  if (groups && !unknown.some((section) => section.section === 'groupPolicies')) unknown.push({ ...groups, section: 'groupPolicies' });
  return unknown;
}

function PermissionsTab({ detail, policies }: { detail: UserDetailData; policies: OptionsSource<ManagedPolicyOption> }) {
  const userName = detail.user.userName;
  const attach = useAttachUserPolicy(userName);
  const detach = useDetachUserPolicy(userName);
  const deleteInline = useDeleteUserInlinePolicy(userName);
  const putInline = usePutUserInlinePolicy(userName);
  const putBoundary = usePutUserBoundary(userName);
  const deleteBoundary = useDeleteUserBoundary(userName);
  return (
    <SpaceBetween size="l">
      <PermissionsPoliciesTable
        target={userName}
        subject={about.user(userName)}
        rows={userPermissionRows(detail)}
        policyOptions={policies}
        onAttach={(arn) => attach.mutateAsync(arn)}
        onDetach={(arn) => detach.mutateAsync(arn)}
        onDeleteInline={(name) => deleteInline.mutateAsync(name)}
        onPutInline={(policyName, document) => putInline.mutateAsync({ policyName, document })}
        inlineFor="user"
        unknown={userPermissionUnknowns(detail)}
      />
      <BoundaryPanel
        principal="user"
        target={userName}
        subject={about.user(userName)}
        boundaryArn={detail.user.permissionsBoundary?.policyArn}
        policyOptions={policies}
        onSet={(arn) => putBoundary.mutateAsync(arn)}
        onRemove={() => deleteBoundary.mutateAsync(undefined)}
      />
    </SpaceBetween>
  );
}

function ConsoleAccess({ detail }: { detail: UserDetailData }) {
  const profileRefused = refusedSection(detail.unavailable, 'loginProfile');
  if (profileRefused) return <UnknownValue section={profileRefused} />;
  if (!detail.loginProfile) return <StatusIndicator type="stopped">Disabled</StatusIndicator>;
  const mfaRefused = refusedSection(detail.unavailable, 'mfaDevices');
  if (mfaRefused) {
    return (
      <SpaceBetween size="xxs">
        <StatusIndicator>Enabled</StatusIndicator>
        <Box>
          MFA: <UnknownValue section={mfaRefused} />
        </Box>
      </SpaceBetween>
    );
  }
  return <StatusIndicator>Enabled{detail.mfaDevices.length ? ' with MFA' : ' without MFA'}</StatusIndicator>;
}

function Summary({ detail }: { detail: UserDetailData }) {
  const keysRefused = refusedSection(detail.unavailable, 'accessKeys');
  const activeKeys = detail.accessKeys.filter((key) => key.status === 'Active');
  return (
    <Container header={<Header variant="h2">Summary</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'ARN', value: <CopyToClipboard variant="inline" textToCopy={detail.user.arn} copySuccessText="ARN copied" copyErrorText="Could not copy" /> },
          { label: 'Console access', value: <ConsoleAccess detail={detail} /> },
          {
            label: 'Access keys',
            value: keysRefused ? (
              <UnknownValue section={keysRefused} />
            ) : detail.accessKeys.length === 0 ? (
              'None'
            ) : (
              detail.accessKeys.map((key) => `${key.accessKeyId} - ${key.status}`).join(', ')
            ),
          },
          { label: 'Created', value: formatDateTime(detail.user.createDate) },
          { label: 'Last console sign-in', value: formatAge(detail.user.passwordLastUsed) },
          { label: 'Active access keys', value: keysRefused ? <UnknownValue section={keysRefused} /> : String(activeKeys.length) },
        ]}
      />
    </Container>
  );
}

export interface UserDetailProps {
  userName: string;
  policies: OptionsSource<ManagedPolicyOption>;
  groups: OptionsSource<GroupOption>;
  passwordPolicy: PasswordPolicy | null | undefined;
}

const TABS = ['permissions', 'groups', 'tags', 'security-credentials'] as const;

export function UserDetail({ userName, policies, groups, passwordPolicy }: UserDetailProps) {
  const user = useUser(userName);
  const replaceTags = useReplaceUserTags(userName);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [deleting, setDeleting] = useState(false);
  const { can } = useCapabilities();
  const tab = TABS.find((id) => id === params.get('tab')) ?? 'permissions';

  if (user.isPending) return <Loading label={`Loading ${userName}`} />;
  if (user.error) {
    return <DetailLoadFailed title={userName} what={`user ${userName}`} error={user.error} onRetry={() => void user.refetch()} />;
  }
  const detail = user.data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            can('iam:DeleteUser') ? (
              <Button onClick={() => setDeleting(true)} data-testid="delete-user">
                Delete
              </Button>
            ) : null
          }
        >
          {userName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <UnavailableSections sections={detail.unavailable} />
        <Summary detail={detail} />
        <Tabs
          activeTabId={tab}
          onChange={({ detail: change }) => setParams({ tab: change.activeTabId }, { replace: true })}
          tabs={[
            { id: 'permissions', label: 'Permissions', content: <PermissionsTab detail={detail} policies={policies} /> },
            {
              id: 'groups',
              label: refusedSection(detail.unavailable, 'groups') ? 'Groups' : `Groups (${detail.groups.length})`,
              content: <UserGroupsTab detail={detail} groups={groups} />,
            },
            { id: 'tags', label: `Tags (${detail.user.tags.length})`, content: <TagsPanel target={userName} subject={about.user(userName)} resource="user" tags={detail.user.tags} onSave={(tags) => replaceTags.mutateAsync(tags)} /> },
            { id: 'security-credentials', label: 'Security credentials', content: <SecurityCredentialsTab detail={detail} passwordPolicy={passwordPolicy} /> },
          ]}
        />
      </SpaceBetween>
      {deleting ? <DeleteUsersModal userNames={[userName]} onClose={() => setDeleting(false)} onDeleted={() => navigate('/users')} /> : null}
    </ContentLayout>
  );
}
