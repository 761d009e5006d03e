import FormField from '@cloudscape-design/components/form-field';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ErrorAlert } from './error-alert.tsx';
import { FormModal } from './form-modal.tsx';

export interface PickNamesModalProps {
  header: string;
  /** "User groups", "Users". */
  label: string;
  primaryLabel: string;
  names: readonly string[] | undefined;
  loading: boolean;
  loadError: unknown;
  /** Names already chosen elsewhere, left out of the options. */
  exclude: ReadonlySet<string>;
  /** Adds the chosen names one by one; a rejection keeps the dialog open with IAM's reason. */
  onAdd: (names: string[]) => Promise<void>;
  onClose: () => void;
}

/** Choose several existing users or groups, e.g. to add memberships. */
export function PickNamesModal(props: PickNamesModalProps) {
  const [selected, setSelected] = useState<readonly MultiselectProps.Option[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = (props.names ?? []).filter((name) => !props.exclude.has(name)).map((name) => ({ value: name, label: name }));
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onAdd(selected.map((option) => option.value ?? ''));
      props.onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal header={props.header} primaryLabel={props.primaryLabel} primaryDisabled={selected.length === 0} busy={busy} onPrimary={() => void add()} onDismiss={props.onClose}>
      <SpaceBetween size="m">
        <FormField label={props.label}>
          <Multiselect
            selectedOptions={selected}
            onChange={({ detail }) => setSelected(detail.selectedOptions)}
            options={options}
            filteringType="auto"
            placeholder={`Choose ${props.label.toLowerCase()}`}
            statusType={props.loading ? 'loading' : 'finished'}
            loadingText="Loading"
            empty="Nothing else to choose"
            virtualScroll
            tokenLimit={5}
          />
        </FormField>
        {props.loadError ? <ErrorAlert error={props.loadError} header={`Could not list ${props.label.toLowerCase()}`} /> : null}
        {error ? <ErrorAlert error={error} header="Not everything was added" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}
