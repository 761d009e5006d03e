import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { ACCOUNT_ALIAS, textProblem } from '@iam-console/api-contract/rules.ts';
import {
  ACCOUNT_ID, DISPLAY_NAME_MAX, EXTERNAL_ID, ROLE_NAME_WITH_PATH, SWITCH_ROLE_COLORS, splitRoleNameWithPath, type SwitchRoleTarget,
} from '@iam-console/api-contract/switch-role-links.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDuration } from '../../../components/format.ts';
import { isApiError } from '../../../lib/api-error.ts';
import type { SwitchRoleContext, SwitchRoleRequest } from '../api/switch-role.ts';
import { ColorSwatch } from './color-swatch.tsx';

// The durations a person picks from, as the AWS CLI's --duration-seconds would be given.
const DURATIONS = [900, 1800, 3600, 7200, 14_400, 28_800, 43_200];

export interface SwitchRoleFormProps {
  context: SwitchRoleContext;
  /** What a link or a chosen role fills in. */
  initial: Partial<SwitchRoleTarget>;
  /** The role's maximum session duration, when the console could read it. */
  roleMaxSeconds?: number | undefined;
  busy: boolean;
  error: unknown;
  onSubmit: (request: SwitchRoleRequest) => void;
  onCancel: () => void;
}

/** Why a field's value cannot be sent, before the BFF is asked. */
function problems(values: { account: string; roleName: string; externalId: string; mfaCode: string }) {
  const account = values.account.trim();
  const roleName = values.roleName.trim().replace(/^\//, '');
  return {
    account: !account
      ? 'Enter the account ID or alias.'
      : ACCOUNT_ID.test(account) || !textProblem(ACCOUNT_ALIAS, account)
        ? undefined
        : 'Enter the 12-digit account ID or the account alias.',
    roleName: !roleName ? 'Enter the role name.' : ROLE_NAME_WITH_PATH.test(roleName) ? undefined : 'Enter the role name after its path, if it has one (division_abc/roleToDoX).',
    externalId:
      values.externalId.trim() && !(EXTERNAL_ID.pattern.test(values.externalId.trim()) && values.externalId.trim().length >= EXTERNAL_ID.min)
        ? 'An external ID has 2–1224 of the characters a-z A-Z 0-9 _+=,.@:/-'
        : undefined,
    mfaCode: values.mfaCode.trim() && !/^\d{6}$/.test(values.mfaCode.trim()) ? 'An MFA code is the 6 digits your device shows.' : undefined,
  };
}

/** The BFF names the field a refusal is about (`details[].path`): its reason shows under that field. */
function refusedField(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.details.find((detail) => detail.path === field)?.message : undefined;
}

const optional = (label: string) => (
  <>
    {label} <i>- optional</i>
  </>
);

interface FormValues {
  account: string;
  roleName: string;
  displayName: string;
  color: string;
  externalId: string;
  mfaCode: string;
  /** Seconds as text; empty for the default. */
  duration: string;
}

interface FieldsProps {
  values: FormValues;
  set: (field: keyof FormValues) => (value: string) => void;
  /** The problem to show under a field, if any. */
  shown: (field: 'account' | 'roleName' | 'externalId' | 'mfaCode') => string | undefined;
}

/** Which role, and how the navigation bar shows it while active. */
function RoleFields({ values, set, shown, autoFocusAccount }: FieldsProps & { autoFocusAccount: boolean }) {
  return (
    <SpaceBetween size="l">
      <FormField label="Account" description="The 12-digit account ID or the account alias." errorText={shown('account')}>
        <Input value={values.account} onChange={({ detail }) => set('account')(detail.value)} placeholder="123456789012 or an alias" ariaLabel="Account" autoFocus={autoFocusAccount} />
      </FormField>
      <FormField label="Role" description="The role name. If the role has a path, type the path and the name: division_abc/roleToDoX." errorText={shown('roleName')}>
        <Input value={values.roleName} onChange={({ detail }) => set('roleName')(detail.value)} ariaLabel="Role" />
      </FormField>
      <FormField
        label={optional('Display name')}
        description="Shown in the navigation bar in place of your user name while this role is active."
        constraintText={`Up to ${DISPLAY_NAME_MAX} characters. Default: the role name.`}
      >
        <Input value={values.displayName} onChange={({ detail }) => set('displayName')(detail.value.slice(0, DISPLAY_NAME_MAX))} placeholder={splitRoleNameWithPath(values.roleName).name || undefined} ariaLabel="Display name" />
      </FormField>
      <FormField label="Color" description="Highlights the display name, to remind you that this role is active.">
        <RadioGroup
          direction="horizontal"
          value={values.color}
          onChange={({ detail }) => set('color')(detail.value)}
          items={[
            { value: '', label: 'None' },
            ...SWITCH_ROLE_COLORS.map((c) => ({ value: c.hex, label: <ColorSwatch color={c.hex} label={c.name} /> })),
          ]}
          ariaLabel="Color"
        />
      </FormField>
    </SpaceBetween>
  );
}

/** The durations the session may last: the default, then each one STS allows here, those over the role's maximum disabled. */
function durationOptionsOf(context: SwitchRoleContext, roleMaxSeconds: number | undefined) {
  const limit = Math.min(context.maxDurationSeconds, roleMaxSeconds ?? Infinity);
  return [
    {
      value: '',
      label: context.roleChaining ? '1 hour (role chaining)' : "The role's maximum or the time left in your session, whichever is less",
    },
    ...DURATIONS.filter((seconds) => seconds <= context.maxDurationSeconds).map((seconds) => ({
      value: String(seconds),
      label: formatDuration(seconds),
      disabled: seconds > limit,
    })),
  ];
}

/** What the role's trust policy may ask for (external ID, MFA) and how long the session lasts. */
function SessionFields({ values, set, shown, context, device, roleMaxSeconds, error }: FieldsProps & { context: SwitchRoleContext; device: string | undefined; roleMaxSeconds: number | undefined; error: unknown }) {
  const durationOptions = durationOptionsOf(context, roleMaxSeconds);
  return (
    <SpaceBetween size="l">
      <FormField
        label={optional('External ID')}
        description="Only for a role whose trust policy requires one (sts:ExternalId): ask the role's owner for it."
        errorText={shown('externalId')}
      >
        <Input value={values.externalId} onChange={({ detail }) => set('externalId')(detail.value)} ariaLabel="External ID" />
      </FormField>
      {device ? (
        <FormField
          label={optional('MFA code')}
          description={
            context.mfaAuthenticated
              ? `You signed in with MFA, which the role sees. Enter a code from ${shortName(device)} only if the role asks for a recent one.`
              : `For a role that requires MFA: the code ${shortName(device)} shows now.`
          }
          errorText={shown('mfaCode')}
        >
          <Input value={values.mfaCode} onChange={({ detail }) => set('mfaCode')(detail.value)} inputMode="numeric" autoComplete="one-time-code" ariaLabel="MFA code" />
        </FormField>
      ) : null}
      <FormField
        label="Session duration"
        description={
          roleMaxSeconds
            ? `The role allows sessions of up to ${formatDuration(roleMaxSeconds)}.`
            : 'How long the role session lasts, up to the role\u2019s maximum session duration.'
        }
        errorText={refusedField(error, 'durationSeconds')}
      >
        <Select
          selectedOption={durationOptions.find((option) => option.value === values.duration) ?? null}
          onChange={({ detail }) => set('duration')(detail.selectedOption.value ?? '')}
          options={durationOptions}
          ariaLabel="Session duration"
        />
      </FormField>
    </SpaceBetween>
  );
}

/** The request as the form's values say it; the MFA device goes along only with a code. */
function requestOf(values: FormValues, device: string | undefined): SwitchRoleRequest {
  return {
    account: values.account.trim(),
    roleName: values.roleName.trim(),
    displayName: values.displayName.trim(),
    color: values.color,
    externalId: values.externalId.trim(),
    mfaCode: values.mfaCode.trim(),
    ...(device && values.mfaCode.trim() ? { serialNumber: device } : {}),
    ...(values.duration ? { durationSeconds: Number(values.duration) } : {}),
  };
}

export function SwitchRoleForm({ context, initial, roleMaxSeconds, busy, error, onSubmit, onCancel }: SwitchRoleFormProps) {
  const [values, setValues] = useState<FormValues>({
    account: initial.account ?? '',
    roleName: initial.roleName ?? '',
    displayName: initial.displayName ?? '',
    color: initial.color ?? '',
    externalId: '',
    mfaCode: '',
    duration: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const set = (field: keyof FormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const found = problems(values);
  const shown = (field: keyof typeof found) => (submitted ? found[field] : undefined) ?? refusedField(error, field);
  const device = context.mfaSerialNumbers[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(found).some(Boolean)) return;
    onSubmit(requestOf(values, device));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={busy} disabled={!context.canSwitch} data-testid="switch-role-submit">
              Switch role
            </Button>
          </SpaceBetween>
        }
      >
        <Container header={<Header variant="h2">Role</Header>}>
          <SpaceBetween size="l">
            <RoleFields values={values} set={set} shown={shown} autoFocusAccount={!initial.account} />
            <SessionFields values={values} set={set} shown={shown} context={context} device={device} roleMaxSeconds={roleMaxSeconds} error={error} />
            {error ? <ErrorAlert error={error} header="Could not switch roles" deniedHeader="AWS refused the switch" /> : null}
            {!context.canSwitch ? <Box color="text-status-error">{context.reason}</Box> : null}
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
