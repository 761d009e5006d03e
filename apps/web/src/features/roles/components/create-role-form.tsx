import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { JsonView } from '../../../components/json-view.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { nameProblem } from '../../../utils/iam-names.ts';
import { useCreateRole } from '../api/roles.ts';
import { COMMON_SERVICES, trustedEntityProblem, trustPolicyFor, type TrustedEntity } from './trust-policy.ts';
import { PolicyMultiselect } from '../../../components/permissions/policy-multiselect.tsx';
import { CreateForm } from '../../../components/create-form.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

export function CreateRoleForm({ accountId, policies }: { accountId: string; policies: OptionsSource<ManagedPolicyOption> }) {
  const create = useCreateRole();
  const navigate = useNavigate();
  const [kind, setKind] = useState<TrustedEntity['kind']>('service');
  const [service, setService] = useState<string>(COMMON_SERVICES[0]);
  const [account, setAccount] = useState({ accountId, requireMfa: false, externalId: '' });
  const [custom, setCustom] = useState(() => trustPolicyFor({ kind: 'account', accountId, requireMfa: false, externalId: '' }));
  const [roleName, setRoleName] = useState('');
  const [description, setDescription] = useState('');
  const [attached, setAttached] = useState<readonly MultiselectProps.Option[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const entity: TrustedEntity =
    kind === 'service' ? { kind, service } : kind === 'account' ? { kind, ...account } : { kind, document: custom };
  const entityProblem = trustedEntityProblem(entity);
  const problem = nameProblem(roleName, 'role');

  const submit = () => {
    setSubmitted(true);
    if (entityProblem || problem) return;
    create.mutate(
      {
        roleName,
        assumeRolePolicyDocument: trustPolicyFor(entity),
        ...(description ? { description } : {}),
        ...(attached.length ? { managedPolicyArns: attached.map((option) => option.value ?? '') } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(`Role ${roleName} created.`, { subjects: [about.role(roleName)] });
          navigate(detailPath.role(roleName));
        },
      },
    );
  };

  return (
    <CreateForm title="Create role" submitLabel="Create role" submitting={create.isPending} cancelHref="/roles" onSubmit={submit}>
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Trusted entity type</Header>}>
            <SpaceBetween size="m">
              <Tiles
                value={kind}
                onChange={({ detail }) => setKind(detail.value as TrustedEntity['kind'])}
                columns={3}
                items={[
                  { value: 'service', label: 'AWS service', description: 'Allow AWS services like EC2 or Lambda to perform actions in this account.' },
                  { value: 'account', label: 'AWS account', description: 'Allow entities in this or another AWS account to perform actions in this account.' },
                  { value: 'custom', label: 'Custom trust policy', description: 'Create a custom trust policy.' },
                ]}
              />
              {kind === 'service' ? (
                <FormField label="Service principal">
                  <Select
                    selectedOption={{ value: service, label: service }}
                    onChange={({ detail }) => setService(detail.selectedOption.value ?? COMMON_SERVICES[0])}
                    options={COMMON_SERVICES.map((value) => ({ value, label: value }))}
                  />
                </FormField>
              ) : null}
              {kind === 'account' ? (
                <SpaceBetween size="s">
                  <FormField label="Account ID" description="This account, or another account whose principals may assume the role." errorText={submitted ? entityProblem : undefined}>
                    <Input value={account.accountId} onChange={({ detail }) => setAccount({ ...account, accountId: detail.value.trim() })} ariaLabel="Account ID" />
                  </FormField>
                  <FormField label="External ID - optional" description="A role that requires an external ID cannot be switched to in the console.">
                    <Input value={account.externalId} onChange={({ detail }) => setAccount({ ...account, externalId: detail.value })} ariaLabel="External ID" />
                  </FormField>
                  <Checkbox checked={account.requireMfa} onChange={({ detail }) => setAccount({ ...account, requireMfa: detail.checked })}>
                    Require MFA
                  </Checkbox>
                </SpaceBetween>
              ) : null}
              {kind === 'custom' ? (
                <FormField label="Trust policy" stretch errorText={submitted ? entityProblem : undefined}>
                  <Textarea value={custom} onChange={({ detail }) => setCustom(detail.value)} rows={14} spellcheck={false} ariaLabel="Trust policy" />
                </FormField>
              ) : !entityProblem ? (
                <FormField label="Trust policy preview" stretch>
                  <JsonView text={trustPolicyFor(entity)} label="Trust policy" />
                </FormField>
              ) : null}
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Role details</Header>}>
            <SpaceBetween size="m">
              <FormField label="Role name" constraintText="Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters." errorText={submitted ? problem : undefined}>
                <Input value={roleName} onChange={({ detail }) => setRoleName(detail.value)} ariaLabel="Role name" />
              </FormField>
              <FormField label="Description - optional" constraintText="Maximum 1,000 characters.">
                <Textarea value={description} onChange={({ detail }) => setDescription(detail.value.slice(0, 1000))} rows={2} ariaLabel="Description" />
              </FormField>
              <FormField label="Permissions policies - optional">
                <PolicyMultiselect policies={policies} selected={attached} onChange={setAttached} />
              </FormField>
            </SpaceBetween>
          </Container>
          {create.error ? <ErrorAlert error={create.error} header={`Could not create ${roleName}`} /> : null}
        </SpaceBetween>
    </CreateForm>
  );
}
