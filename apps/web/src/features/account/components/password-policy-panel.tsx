import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { describePasswordPolicy, type PasswordPolicy } from '../../../utils/password-policy.ts';
import { useDeletePasswordPolicy, usePasswordPolicy, useUpdatePasswordPolicy } from '../api/account.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';
import {
  formStateFromPolicy,
  policyFromFormState,
  RANGES,
  validatePasswordPolicyForm,
  type PasswordPolicyFormErrors,
  type PasswordPolicyFormState,
} from './password-policy-form-state.ts';

function NumberField(props: { label: string; constraint: string; error?: string; value: string; onChange: (value: string) => void }) {
  return (
    <FormField label={props.label} constraintText={props.constraint} errorText={props.error}>
      <Input
        type="number"
        inputMode="numeric"
        value={props.value}
        onChange={({ detail }) => props.onChange(detail.value)}
        ariaLabel={props.label}
      />
    </FormField>
  );
}

interface RequirementsProps {
  state: PasswordPolicyFormState;
  set: <K extends keyof PasswordPolicyFormState>(key: K, value: PasswordPolicyFormState[K]) => void;
  shown: PasswordPolicyFormErrors;
}

function PasswordStrengthField({ state, set }: Omit<RequirementsProps, 'shown'>) {
  return (
    <FormField label="Password strength">
      <SpaceBetween size="xxs">
        <Checkbox checked={state.requireUppercase} onChange={({ detail }) => set('requireUppercase', detail.checked)}>
          Require at least one uppercase letter from the Latin alphabet (A-Z)
        </Checkbox>
        <Checkbox checked={state.requireLowercase} onChange={({ detail }) => set('requireLowercase', detail.checked)}>
          Require at least one lowercase letter from the Latin alphabet (a-z)
        </Checkbox>
        <Checkbox checked={state.requireNumbers} onChange={({ detail }) => set('requireNumbers', detail.checked)}>
          Require at least one number
        </Checkbox>
        <Checkbox checked={state.requireSymbols} onChange={({ detail }) => set('requireSymbols', detail.checked)}>
          Require at least one non-alphanumeric character (! @ # $ % ^ &amp; * ( ) _ + - = [ ] {'{'} {'}'} | &apos;)
        </Checkbox>
      </SpaceBetween>
    </FormField>
  );
}

/** Expiration and reuse, each with its number once turned on. */
function OtherRequirementsField({ state, set, shown }: RequirementsProps) {
  return (
    <FormField label="Other requirements">
      <SpaceBetween size="xs">
        <Checkbox checked={state.expirePasswords} onChange={({ detail }) => set('expirePasswords', detail.checked)}>
          Turn on password expiration
        </Checkbox>
        {state.expirePasswords ? (
          <Box padding={{ left: 'l' }}>
            <SpaceBetween size="xs">
              <NumberField
                label="Expire passwords in day(s)"
                constraint={`${RANGES.maxAge.min}-${RANGES.maxAge.max} days`}
                error={shown.maxAge}
                value={state.maxAge}
                onChange={(value) => set('maxAge', value)}
              />
              <Checkbox checked={state.hardExpiry} onChange={({ detail }) => set('hardExpiry', detail.checked)}>
                Password expiration requires administrator reset
              </Checkbox>
            </SpaceBetween>
          </Box>
        ) : null}
        <Checkbox checked={state.allowUsersToChange} onChange={({ detail }) => set('allowUsersToChange', detail.checked)}>
          Allow users to change their own password
        </Checkbox>
        <Checkbox checked={state.preventReuse} onChange={({ detail }) => set('preventReuse', detail.checked)}>
          Prevent password reuse
        </Checkbox>
        {state.preventReuse ? (
          <Box padding={{ left: 'l' }}>
            <NumberField
              label="Remember password(s)"
              constraint={`${RANGES.reuseCount.min}-${RANGES.reuseCount.max} passwords`}
              error={shown.reuseCount}
              value={state.reuseCount}
              onChange={(value) => set('reuseCount', value)}
            />
          </Box>
        ) : null}
      </SpaceBetween>
    </FormField>
  );
}

/** A custom policy's requirements, as the IAM console groups them. */
function CustomRequirements({ state, set, shown }: RequirementsProps) {
  return (
    <SpaceBetween size="m">
      <NumberField
        label="Password minimum length"
        constraint={`Enforce a minimum length of characters (${RANGES.minimumLength.min}-${RANGES.minimumLength.max}).`}
        error={shown.minimumLength}
        value={state.minimumLength}
        onChange={(value) => set('minimumLength', value)}
      />
      <PasswordStrengthField state={state} set={set} />
      <OtherRequirementsField state={state} set={set} shown={shown} />
    </SpaceBetween>
  );
}

export interface PasswordPolicyFormProps {
  initial: PasswordPolicy | null;
  saving: boolean;
  error: unknown;
  onSave: (policy: PasswordPolicy | null) => void;
  onCancel: () => void;
}

/** Edit form mirroring the IAM console: IAM default or custom, with IAM's ranges checked as you type. */
export function PasswordPolicyForm({ initial, saving, error, onSave, onCancel }: PasswordPolicyFormProps) {
  const [state, setState] = useState<PasswordPolicyFormState>(() => formStateFromPolicy(initial));
  const [submitted, setSubmitted] = useState(false);
  const errors = validatePasswordPolicyForm(state);
  const shown = submitted ? errors : {};
  const set = <K extends keyof PasswordPolicyFormState>(key: K, value: PasswordPolicyFormState[K]) =>
    setState((previous) => ({ ...previous, [key]: value }));
  const custom = state.mode === 'custom';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    onSave(custom ? policyFromFormState(state) : null);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit password policy">
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
            <Button variant="primary" loading={saving}>
              Save changes
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <Tiles
            value={state.mode}
            onChange={({ detail }) => set('mode', detail.value as PasswordPolicyFormState['mode'])}
            items={[
              { value: 'iam-default', label: 'IAM default', description: 'Apply default password requirements.' },
              { value: 'custom', label: 'Custom', description: 'Apply customized password requirements.' },
            ]}
            ariaLabel="Password policy"
          />
          {custom ? (
            <CustomRequirements state={state} set={set} shown={shown} />
          ) : (
            <ul>
              {describePasswordPolicy(null).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {error ? <ErrorAlert error={error} header="Could not save the password policy" /> : null}
        </SpaceBetween>
      </Form>
    </form>
  );
}

export function PasswordPolicyPanel() {
  const policy = usePasswordPolicy();
  const update = useUpdatePasswordPolicy();
  const remove = useDeletePasswordPolicy();
  const [editing, setEditing] = useState(false);
  const { can } = useCapabilities();

  const save = (next: PasswordPolicy | null) => {
    const done = {
      onSuccess: () => {
        setEditing(false);
        notifySuccess(next ? 'Password policy updated.' : 'Password policy reset to the IAM default.', { subjects: [about.passwordPolicy] });
      },
    };
    if (next) update.mutate(next, done);
    else remove.mutate(undefined, done);
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Set the password requirements for the IAM users in this account."
          actions={
            editing || policy.isPending || policy.error || !can('iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy') ? null : (
              <Button onClick={() => { update.reset(); remove.reset(); setEditing(true); }}>Edit</Button>
            )
          }
        >
          Password policy
        </Header>
      }
    >
      {policy.isPending ? (
        <Loading label="Loading the password policy" />
      ) : policy.error ? (
        <ErrorAlert error={policy.error} header="Could not load the password policy" />
      ) : editing ? (
        <PasswordPolicyForm
          initial={policy.data}
          saving={update.isPending || remove.isPending}
          error={update.error ?? remove.error}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <SpaceBetween size="xs">
          <Box variant="awsui-key-label">{policy.data ? 'Custom' : 'IAM default'}</Box>
          <ul>
            {describePasswordPolicy(policy.data).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </SpaceBetween>
      )}
    </Container>
  );
}
