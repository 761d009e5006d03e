// The fields of the AWS console's "Change password" (IAM User Guide, "How IAM users change their own password
// (console)"): old password, new password typed twice, and the account password policy ticked off as one types.
// Used by "My security credentials" and by the page a sign-in whose password must be changed is held on.
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { passwordChecks, type PasswordPolicy } from '../utils/password-policy.ts';

export interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  retyped: string;
}

export const EMPTY_CHANGE_PASSWORD: ChangePasswordValues = { oldPassword: '', newPassword: '', retyped: '' };

/** Whether the values may be sent: IAM still has the last word on the policy. */
export function changePasswordReady(values: ChangePasswordValues, policy: PasswordPolicy | null): boolean {
  return values.oldPassword.length > 0 && values.newPassword.length > 0 && values.newPassword === values.retyped && passwordChecks(values.newPassword, policy).every((c) => c.met);
}

export interface ChangePasswordFieldsProps {
  values: ChangePasswordValues;
  onChange: (values: ChangePasswordValues) => void;
  policy: PasswordPolicy | null;
  /** The policy could not be read: the checks are IAM's default's, and say so. */
  policyUnknown?: boolean;
}

export function ChangePasswordFields({ values, onChange, policy, policyUnknown = false }: ChangePasswordFieldsProps) {
  const checks = passwordChecks(values.newPassword, policy);
  const set = (field: keyof ChangePasswordValues) => ({ detail }: { detail: { value: string } }) => onChange({ ...values, [field]: detail.value });
  const heading = policyUnknown
    ? 'The account password policy could not be read; IAM’s default requires'
    : policy
      ? 'The account password policy requires'
      : 'No account password policy is set; IAM’s default requires';
  return (
    <SpaceBetween size="m">
      <FormField label="Old password">
        <Input type="password" value={values.oldPassword} autoComplete="current-password" onChange={set('oldPassword')} />
      </FormField>
      <FormField label="New password">
        <Input type="password" value={values.newPassword} autoComplete="new-password" onChange={set('newPassword')} />
      </FormField>
      <FormField label="Retype new password" errorText={values.retyped && values.retyped !== values.newPassword ? 'The passwords do not match.' : undefined}>
        <Input type="password" value={values.retyped} autoComplete="new-password" onChange={set('retyped')} />
      </FormField>
      <Box variant="h4">{heading}</Box>
      <ul data-testid="password-checks" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
        {checks.map((c) => (
          <li key={c.rule}>
            <StatusIndicator type={c.met ? 'success' : 'pending'}>{c.rule}</StatusIndicator>
          </li>
        ))}
      </ul>
    </SpaceBetween>
  );
}
