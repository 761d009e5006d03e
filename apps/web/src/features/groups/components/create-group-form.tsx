import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { nameProblem } from '../../../utils/iam-names.ts';
import { useCreateGroup } from '../api/groups.ts';
import type { UserOption } from './group-detail.tsx';
import { PolicyMultiselect } from '../../../components/permissions/policy-multiselect.tsx';
import { CreateForm } from '../../../components/create-form.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

export function CreateGroupForm({ users, policies }: { users: OptionsSource<UserOption>; policies: OptionsSource<ManagedPolicyOption> }) {
  const create = useCreateGroup();
  const navigate = useNavigate();
  const [groupName, setGroupName] = useState('');
  const [members, setMembers] = useState<readonly MultiselectProps.Option[]>([]);
  const [attached, setAttached] = useState<readonly MultiselectProps.Option[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const problem = nameProblem(groupName, 'user group');

  const submit = () => {
    setSubmitted(true);
    if (problem) return;
    create.mutate(
      { groupName, users: members.map((o) => o.value ?? ''), managedPolicyArns: attached.map((o) => o.value ?? '') },
      {
        onSuccess: () => {
          notifySuccess(`User group ${groupName} created.`, { subjects: [about.group(groupName)] });
          navigate(detailPath.group(groupName));
        },
      },
    );
  };

  return (
    <CreateForm title="Create user group" submitLabel="Create user group" submitting={create.isPending} cancelHref="/groups" onSubmit={submit}>
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Name the group</Header>}>
            <FormField label="User group name" constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters." errorText={submitted ? problem : undefined}>
              <Input value={groupName} onChange={({ detail }) => setGroupName(detail.value)} placeholder="Enter a meaningful name to identify this group." ariaLabel="User group name" />
            </FormField>
          </Container>
          <Container header={<Header variant="h2" description="An IAM user can be a member of up to 10 groups.">Add users to the group - optional</Header>}>
            <Multiselect
              selectedOptions={members}
              onChange={({ detail }) => setMembers(detail.selectedOptions)}
              options={(users.items ?? []).map((user) => ({ value: user.userName, label: user.userName }))}
              filteringType="auto"
              placeholder="Choose users"
              statusType={users.loading ? 'loading' : users.error ? 'error' : 'finished'}
              errorText="Could not list users"
              virtualScroll
              tokenLimit={5}
            />
          </Container>
          <Container header={<Header variant="h2" description="You can attach up to 10 policies to this user group.">Attach permissions policies - optional</Header>}>
            <PolicyMultiselect policies={policies} selected={attached} onChange={setAttached} />
          </Container>
          {create.error ? <ErrorAlert error={create.error} header={`Could not create ${groupName}`} /> : null}
        </SpaceBetween>
    </CreateForm>
  );
}
