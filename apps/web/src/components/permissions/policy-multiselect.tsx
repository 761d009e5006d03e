import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import { useMemo } from 'react';
import type { ManagedPolicyOption, OptionsSource } from '../../lib/iam-types.ts';
import { toPolicySelectOptions } from './policy-options.ts';

export interface PolicyMultiselectProps {
  policies: OptionsSource<ManagedPolicyOption>;
  selected: readonly MultiselectProps.Option[];
  onChange: (selected: readonly MultiselectProps.Option[]) => void;
  /** Policy ARNs not to offer (e.g. already attached). */
  exclude?: ReadonlySet<string>;
  ariaLabel?: string;
}

/** Choose managed policies by name from the account's list (customer managed first, then AWS managed). */
export function PolicyMultiselect({ policies, selected, onChange, exclude, ariaLabel }: PolicyMultiselectProps) {
  const options = useMemo(() => toPolicySelectOptions(policies.items ?? [], exclude), [policies.items, exclude]);
  return (
    <Multiselect
      selectedOptions={selected}
      onChange={({ detail }) => onChange(detail.selectedOptions)}
      options={options}
      filteringType="auto"
      placeholder="Choose policies"
      statusType={policies.loading ? 'loading' : policies.error ? 'error' : 'finished'}
      loadingText="Loading policies"
      errorText="Could not load policies"
      empty="No policies to choose"
      virtualScroll
      tokenLimit={5}
      ariaLabel={ariaLabel ?? 'Permissions policies'}
    />
  );
}
