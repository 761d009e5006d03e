import { FormModal } from '../form-modal.tsx';
import FormField from '@cloudscape-design/components/form-field';
import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ManagedPolicyOption, OptionsSource } from '../../lib/iam-types.ts';
import { ErrorAlert } from '../error-alert.tsx';
import { PolicyMultiselect } from './policy-multiselect.tsx';

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
          <PolicyMultiselect policies={policies} selected={selected} onChange={setSelected} exclude={alreadyAttached} />
        </FormField>
        {error ? <ErrorAlert error={error} header="Could not attach every policy" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}
