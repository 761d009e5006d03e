import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import type { ManagedPolicyOption, OptionsSource } from '../../lib/iam-types.ts';
import { ErrorAlert } from '../error-alert.tsx';
import { FormModal } from '../form-modal.tsx';
import { about, notifyError, notifySuccess } from '../notifications.tsx';
import { RouterLink } from '../router-link.tsx';
import { useConfirmRemoval } from '../confirm-removal.tsx';
import { toPolicySelectOptions } from './policy-options.ts';
import { detailPath } from '../../lib/path-segment.ts';
import { useCapabilities } from '../../lib/capabilities.ts';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { BoundaryPreview } from './boundary-preview.tsx';

export interface BoundaryPanelProps {
  /** Whose boundary: the IAM actions that set and remove it differ (Put/DeleteUserPermissionsBoundary, …Role…). */
  principal: 'user' | 'role';
  target: string;
  /** The principal's notification subject (`about.user(name)`…). */
  subject: string;
  boundaryArn: string | undefined;
  policyOptions: OptionsSource<ManagedPolicyOption>;
  onSet: (policyArn: string) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}

/** "Permissions boundary": the most a user or role may do, whatever its policies allow. */
export function BoundaryPanel({ principal, target, subject, boundaryArn, policyOptions, onSet, onRemove }: BoundaryPanelProps) {
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<SelectProps.Option | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = useConfirmRemoval();
  const { can } = useCapabilities();
  const kind = principal === 'user' ? 'User' : 'Role';
  const maySet = can(`iam:Put${kind}PermissionsBoundary`);
  const mayRemove = can(`iam:Delete${kind}PermissionsBoundary`);
  const notice = { subjects: [about.part(subject, 'permissions-boundary')] };
  const options = useMemo(() => toPolicySelectOptions(policyOptions.items ?? []), [policyOptions.items]);

  const save = async () => {
    if (!choice?.value) return;
    setBusy(true);
    setError(null);
    try {
      await onSet(choice.value);
      notifySuccess(`Permissions boundary of ${target} set to ${choice.label ?? choice.value}.`, notice);
      setEditing(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await onRemove();
      notifySuccess(`Permissions boundary removed from ${target}.`, notice);
    } catch (failure) {
      notifyError('Could not remove the permissions boundary', failure, notice);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="A managed policy that sets the maximum permissions identity-based policies can grant."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {boundaryArn && mayRemove ? (
                <Button
                  onClick={() =>
                    confirm.ask('Remove permissions boundary?', `${target} is then limited only by its policies.`, () => void remove())
                  }
                  loading={busy && !editing}
                >
                  Remove boundary
                </Button>
              ) : null}
              {maySet ? <Button onClick={() => setEditing(true)}>{boundaryArn ? 'Change boundary' : 'Set boundary'}</Button> : null}
            </SpaceBetween>
          }
        >
          Permissions boundary
        </Header>
      }
    >
      {boundaryArn ? (
        <RouterLink href={detailPath.policy(boundaryArn)}>{shortName(boundaryArn)}</RouterLink>
      ) : (
        <Box color="text-status-inactive">Permissions boundary is not set.</Box>
      )}
      {confirm.dialog}
      {editing ? (
        <FormModal size={choice ? 'large' : undefined} header={`Set permissions boundary for ${target}`} primaryLabel="Set boundary" primaryDisabled={!choice} busy={busy} onPrimary={() => void save()} onDismiss={() => setEditing(false)}>
          <SpaceBetween size="m">
            <FormField label="Permissions boundary policy">
              <Select
                selectedOption={choice}
                onChange={({ detail }) => setChoice(detail.selectedOption)}
                options={options}
                filteringType="auto"
                placeholder="Choose a policy"
                statusType={policyOptions.loading ? 'loading' : 'finished'}
                loadingText="Loading policies"
                virtualScroll
              />
            </FormField>
            {choice?.value ? <BoundaryPreview policy={policyOptions.items?.find((p) => p.arn === choice.value)} /> : null}
            {policyOptions.error ? <ErrorAlert error={policyOptions.error} header="Could not list managed policies" /> : null}
            {error ? <ErrorAlert error={error} header="Could not set the permissions boundary" /> : null}
          </SpaceBetween>
        </FormModal>
      ) : null}
    </Container>
  );
}
