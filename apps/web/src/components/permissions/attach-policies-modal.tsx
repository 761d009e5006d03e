import { FormModal } from '../form-modal.tsx';
import FormField from '@cloudscape-design/components/form-field';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import type { ManagedPolicyOption, OptionsSource } from '../../lib/iam-types.ts';
import { ErrorAlert } from '../error-alert.tsx';
import { toPolicySelectOptions } from './policy-options.ts';

export interface AttachPoliciesModalProps {
  target: string;
  policies: OptionsSource<ManagedPolicyOption>;
  alreadyAttached: ReadonlySet<string>;
  onAttach: (policyArns: string[]) => Promise<void>;
  onClose: () => void;
}

export function AttachPoliciesModal({ target, policies, alreadyAttached, onAttach, onClose }: AttachPoliciesModalProps) {
  const [selected, setSelected] = useState<readonly MultiselectProps.Option[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = useMemo(() => toPolicySelectOptions(policies.items ?? [], alreadyAttached), [policies.items, alreadyAttached]);

  const attach = async () => {
    setSaving(true);
    setError(null);
    try {
      await onAttach(selected.map((option) => option.value ?? ''));
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal size="large" header={`Attach policies to ${target}`} primaryLabel="Add permissions" primaryDisabled={selected.length === 0} busy={saving} onPrimary={() => void attach()} onDismiss={onClose}>
      <SpaceBetween size="m">
        {policies.error ? <ErrorAlert error={policies.error} header="Could not list managed policies" /> : null}
        <FormField label="Permissions policies" description="Attach managed policies directly.">
          <Multiselect
            selectedOptions={selected}
            onChange={({ detail }) => setSelected(detail.selectedOptions)}
            options={options}
            filteringType="auto"
            placeholder="Choose policies"
            statusType={policies.loading ? 'loading' : policies.error ? 'error' : 'finished'}
            loadingText="Loading policies"
            errorText="Could not load policies"
            empty="No policies to attach"
            tokenLimit={5}
            virtualScroll
          />
        </FormField>
        {error ? <ErrorAlert error={error} header="Could not attach every policy" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}
