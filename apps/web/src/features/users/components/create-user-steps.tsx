// The create-user wizard's steps, each a part of the page over the wizard's state.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { fromEditorTags, IamTagEditor } from '../../../components/iam-tag-editor.tsx';
import { toPolicySelectOptions } from '../../../components/permissions/policy-options.ts';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { nameProblem, pathProblem } from '../../../utils/iam-names.ts';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';
import { ConsolePasswordFields } from './console-password-fields.tsx';
import type { SetField, WizardState } from './create-user-state.ts';
import type { GroupOption } from './user-groups-tab.tsx';

interface StepProps {
  state: WizardState;
  set: SetField;
}

export function UserDetailsStep({ state, set, passwordPolicy, showErrors }: StepProps & { passwordPolicy: PasswordPolicy | null | undefined; showErrors: boolean }) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">User details</Header>}>
        <SpaceBetween size="m">
          <FormField
            label="User name"
            constraintText="The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)"
            errorText={showErrors ? nameProblem(state.userName, 'user') : undefined}
          >
            <Input value={state.userName} onChange={({ detail }) => set('userName', detail.value)} ariaLabel="User name" autoFocus />
          </FormField>
          <ExpandableSection headerText="Path - optional" variant="footer">
            <FormField label="Path" description="For organizing users, e.g. /division_abc/subdivision_xyz/." errorText={showErrors ? pathProblem(state.path) : undefined}>
              <Input value={state.path} onChange={({ detail }) => set('path', detail.value)} ariaLabel="Path" />
            </FormField>
          </ExpandableSection>
          <Checkbox
            checked={state.consoleAccess}
            onChange={({ detail }) => set('consoleAccess', detail.checked)}
            description="Give the user a password for the AWS Management Console."
          >
            Provide user access to the AWS Management Console - optional
          </Checkbox>
          {state.consoleAccess ? (
            <ConsolePasswordFields value={state.password} onChange={(value) => set('password', value)} policy={passwordPolicy} showErrors={showErrors} />
          ) : null}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}

export function PermissionsStep({ state, set, groups, policies }: StepProps & { groups: OptionsSource<GroupOption>; policies: OptionsSource<ManagedPolicyOption> }) {
  const policyOptions = useMemo(() => toPolicySelectOptions(policies.items ?? []), [policies.items]);
  const groupOptions = (groups.items ?? []).map((group) => ({ value: group.groupName, label: group.groupName }));
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="A user can be a member of up to 10 groups.">User groups</Header>}>
        {groups.error ? <ErrorAlert error={groups.error} header="Could not list groups" /> : null}
        <Multiselect
          selectedOptions={state.groups}
          onChange={({ detail }) => set('groups', detail.selectedOptions)}
          options={groupOptions}
          filteringType="auto"
          placeholder="Choose groups"
          statusType={groups.loading ? 'loading' : 'finished'}
          loadingText="Loading groups"
          empty="No groups in this account"
          ariaLabel="User groups"
        />
      </Container>
      <Container header={<Header variant="h2" description="Attach managed policies directly to the user.">Permissions policies</Header>}>
        {policies.error ? <ErrorAlert error={policies.error} header="Could not list policies" /> : null}
        <Multiselect
          selectedOptions={state.policies}
          onChange={({ detail }) => set('policies', detail.selectedOptions)}
          options={policyOptions}
          filteringType="auto"
          placeholder="Choose policies"
          statusType={policies.loading ? 'loading' : 'finished'}
          loadingText="Loading policies"
          virtualScroll
          tokenLimit={5}
          ariaLabel="Permissions policies"
        />
      </Container>
      <Container header={<Header variant="h2" description="Set the maximum permissions the user's policies can grant.">Permissions boundary - optional</Header>}>
        <Select
          selectedOption={state.boundary}
          onChange={({ detail }) => set('boundary', detail.selectedOption.value ? detail.selectedOption : null)}
          options={[{ value: '', label: 'No permissions boundary' }, ...policyOptions]}
          filteringType="auto"
          placeholder="No permissions boundary"
          statusType={policies.loading ? 'loading' : 'finished'}
          virtualScroll
          ariaLabel="Permissions boundary"
        />
      </Container>
    </SpaceBetween>
  );
}

export function TagsAndAccessKeyStep({ state, set }: StepProps) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="Key-value pairs to identify, organize, or search for the user.">Tags - optional</Header>}>
        <IamTagEditor tags={state.tags} onChange={(tags) => set('tags', tags)} resource="user" showErrors={false} />
      </Container>
      <Container header={<Header variant="h2">Access key - optional</Header>}>
        <Checkbox
          checked={state.createAccessKey}
          onChange={({ detail }) => set('createAccessKey', detail.checked)}
          description="For the AWS CLI, SDKs and other programmatic access. The secret is shown once, right after the user is created."
        >
          Create an access key
        </Checkbox>
      </Container>
    </SpaceBetween>
  );
}

const review = (label: string, value: string) => ({ label, value: value || '-' });

/** One summary of the review step, with Edit going back to its step. */
function ReviewSection({ title, onEdit, children }: { title: string; onEdit: () => void; children: ReactNode }) {
  return <Container header={<Header variant="h2" actions={<Button onClick={onEdit}>Edit</Button>}>{title}</Header>}>{children}</Container>;
}

export function ReviewStep({ state, onEdit, error }: { state: WizardState; onEdit: (step: number) => void; error: unknown }) {
  return (
    <SpaceBetween size="l">
      <ReviewSection title="User details" onEdit={() => onEdit(0)}>
        <KeyValuePairs
          columns={3}
          items={[
            review('User name', state.userName),
            review('Path', state.path || '/'),
            review('Console password type', state.consoleAccess ? (state.password.mode === 'autogenerated' ? 'Autogenerated' : 'Custom password') : 'None'),
            review('Require password reset', state.consoleAccess ? (state.password.resetRequired ? 'Yes' : 'No') : '-'),
            review('Access key', state.createAccessKey ? 'Created with the user' : 'None'),
          ]}
        />
      </ReviewSection>
      <ReviewSection title="Permissions summary" onEdit={() => onEdit(1)}>
        <KeyValuePairs
          columns={3}
          items={[
            review('Groups', state.groups.map((o) => o.label).join(', ')),
            review('Policies', state.policies.map((o) => o.label).join(', ')),
            review('Permissions boundary', state.boundary?.label ?? ''),
          ]}
        />
      </ReviewSection>
      <ReviewSection title="Tags" onEdit={() => onEdit(2)}>
        <Box>{fromEditorTags(state.tags).map((tag) => `${tag.key}=${tag.value}`).join(', ') || 'No tags'}</Box>
      </ReviewSection>
      {error ? <ErrorAlert error={error} header={`Could not create ${state.userName}`} /> : null}
    </SpaceBetween>
  );
}
