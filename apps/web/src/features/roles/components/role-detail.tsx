import { FormModal } from '../../../components/form-modal.tsx';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DetailLoadFailed } from '../../../components/detail-load-failed.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatAge, formatDateTime, formatDuration } from '../../../components/format.ts';
import { consoleLinkOf } from '../../../components/switch-role-links.tsx';
import { Loading } from '../../../components/loading.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { BoundaryPanel } from '../../../components/permissions/boundary-panel.tsx';
import { inlineRow, managedRow, PermissionsPoliciesTable } from '../../../components/permissions/permissions-policies-table.tsx';
import { TagsPanel } from '../../../components/tags-panel.tsx';
import { UnavailableSections } from '../../../components/unavailable-sections.tsx';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { refusedSections } from '../../../lib/unavailable.ts';
import {
  useAttachRolePolicy,
  useDeleteRoleBoundary,
  useDeleteRoleInlinePolicy,
  usePutRoleInlinePolicy,
  useDetachRolePolicy,
  usePutRoleBoundary,
  useReplaceRoleTags,
  useRole,
  useUpdateRole,
  type RoleDetail as RoleDetailData,
} from '../api/roles.ts';
import { DeleteRoleModal } from './delete-role-modal.tsx';
import { TrustPolicyPanel } from './trust-policy-panel.tsx';
import { useCapabilities } from '../../../lib/capabilities.ts';

// IAM allows 1 to 12 hours for a role's maximum session.
const SESSION_HOURS = Array.from({ length: 12 }, (_, i) => i + 1);

function EditRoleModal({ detail, onClose }: { detail: RoleDetailData; onClose: () => void }) {
  const update = useUpdateRole(detail.role.roleName);
  const [description, setDescription] = useState(detail.role.description ?? '');
  const [seconds, setSeconds] = useState(detail.role.maxSessionDuration);
  const custom = !SESSION_HOURS.some((hours) => hours * 3600 === seconds);
  const options = [
    ...SESSION_HOURS.map((hours) => ({ value: String(hours * 3600), label: formatDuration(hours * 3600) })),
    ...(custom ? [{ value: String(seconds), label: formatDuration(seconds) }] : []),
  ];
  const save = () =>
    update.mutate(
      { description, maxSessionDuration: seconds },
      {
        onSuccess: () => {
          notifySuccess(`Role ${detail.role.roleName} updated.`, { subjects: [about.part(about.role(detail.role.roleName), 'settings')] });
          onClose();
        },
      },
    );
  return (
    <FormModal header={`Edit ${detail.role.roleName}`} primaryLabel="Save changes" busy={update.isPending} onPrimary={save} onDismiss={onClose}>
      <SpaceBetween size="m">
        <FormField label="Description" constraintText="Maximum 1000 characters.">
          <Input value={description} onChange={({ detail: change }) => setDescription(change.value.slice(0, 1000))} ariaLabel="Description" />
        </FormField>
        <FormField label="Maximum session duration" description="How long a session of this role may last (1 to 12 hours).">
          <Select
            selectedOption={options.find((option) => option.value === String(seconds)) ?? null}
            onChange={({ detail: change }) => setSeconds(Number(change.selectedOption.value))}
            options={options}
          />
        </FormField>
        {update.error ? <ErrorAlert error={update.error} header="Could not update the role" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

function PermissionsTab({ detail, policies }: { detail: RoleDetailData; policies: OptionsSource<ManagedPolicyOption> }) {
  const roleName = detail.role.roleName;
  const attach = useAttachRolePolicy(roleName);
  const detach = useDetachRolePolicy(roleName);
  const deleteInline = useDeleteRoleInlinePolicy(roleName);
  const putInline = usePutRoleInlinePolicy(roleName);
  const putBoundary = usePutRoleBoundary(roleName);
  const deleteBoundary = useDeleteRoleBoundary(roleName);
  return (
    <SpaceBetween size="l">
      <PermissionsPoliciesTable
        target={roleName}
        subject={about.role(roleName)}
        rows={[...detail.attachedPolicies.map((p) => managedRow(p)), ...detail.inlinePolicies.map((p) => inlineRow(p))]}
        policyOptions={policies}
        onAttach={(arn) => attach.mutateAsync(arn)}
        onDetach={(arn) => detach.mutateAsync(arn)}
        onDeleteInline={(name) => deleteInline.mutateAsync(name)}
        onPutInline={(policyName, document) => putInline.mutateAsync({ policyName, document })}
        inlineFor="role"
        unknown={refusedSections(detail.unavailable, 'attachedPolicies', 'inlinePolicies')}
      />
      <BoundaryPanel
        principal="role"
        target={roleName}
        subject={about.role(roleName)}
        boundaryArn={detail.role.permissionsBoundary?.policyArn}
        policyOptions={policies}
        onSet={(arn) => putBoundary.mutateAsync(arn)}
        onRemove={() => deleteBoundary.mutateAsync(undefined)}
      />
    </SpaceBetween>
  );
}

export function RoleDetail({ roleName, policies }: { roleName: string; policies: OptionsSource<ManagedPolicyOption> }) {
  const role = useRole(roleName);
  const replaceTags = useReplaceRoleTags(roleName);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const { can } = useCapabilities();
  if (role.isPending) return <Loading label={`Loading ${roleName}`} />;
  if (role.error) {
    return <DetailLoadFailed title={roleName} what={`role ${roleName}`} error={role.error} onRetry={() => void role.refetch()} />;
  }
  const detail = role.data;
  const summary = detail.role;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={summary.description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {can('iam:UpdateRole') ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
              {can('iam:DeleteRole') ? <Button onClick={() => setDeleting(true)}>Delete</Button> : null}
            </SpaceBetween>
          }
        >
          {roleName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <UnavailableSections sections={detail.unavailable} />
        <Container header={<Header variant="h2">Summary</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Creation date', value: formatDateTime(summary.createDate) },
              { label: 'ARN', value: <CopyToClipboard variant="inline" textToCopy={summary.arn} copySuccessText="ARN copied" copyErrorText="Could not copy" /> },
              {
                label: 'Link to switch roles in console',
                value: <CopyToClipboard variant="inline" textToCopy={detail.switchRoleUrl} copySuccessText="Link copied" copyErrorText="Could not copy" />,
              },
              {
                label: 'Link to switch roles in this console',
                value: <CopyToClipboard variant="inline" textToCopy={consoleLinkOf(detail.switchRoleUrl)} copySuccessText="Link copied" copyErrorText="Could not copy" />,
              },
              {
                label: 'Last activity',
                value: summary.roleLastUsed?.lastUsedDate
                  ? `${formatAge(summary.roleLastUsed.lastUsedDate)}${summary.roleLastUsed.region ? ` (${summary.roleLastUsed.region})` : ''}`
                  : 'Never',
              },
              { label: 'Maximum session duration', value: formatDuration(summary.maxSessionDuration) },
              { label: 'Path', value: summary.path },
            ]}
          />
        </Container>
        <Tabs
          tabs={[
            { id: 'permissions', label: 'Permissions', content: <PermissionsTab detail={detail} policies={policies} /> },
            {
              id: 'trust',
              label: 'Trust relationships',
              content: <TrustPolicyPanel roleName={roleName} document={summary.assumeRolePolicyDocument} />,
            },
            { id: 'tags', label: `Tags (${summary.tags.length})`, content: <TagsPanel target={roleName} subject={about.role(roleName)} resource="role" tags={summary.tags} onSave={(tags) => replaceTags.mutateAsync(tags)} /> },
          ]}
        />
      </SpaceBetween>
      {editing ? <EditRoleModal detail={detail} onClose={() => setEditing(false)} /> : null}
      {deleting ? <DeleteRoleModal roleName={roleName} onClose={() => setDeleting(false)} onDeleted={() => navigate('/roles')} /> : null}
    </ContentLayout>
  );
}
