import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { useMemo, useState } from 'react';
import { valueSuggestions } from './filter-suggestions.ts';

export interface SuggestingPropertyFilterProps extends Omit<PropertyFilterProps, 'filteringOptions' | 'filteringStatusType' | 'onLoadItems'> {
  /** The whole list the suggestions come from. */
  items: readonly unknown[];
}

/**
 * A property filter whose value suggestions are built the first time the person asks for them (types a
 * value or opens a value list: Cloudscape's onLoadItems), not on the page's first render. For 10,000 users
 * they are 30,000 options, and PropertyFilter maps all of them again on each of its renders.
 */
export function SuggestingPropertyFilter({ items, ...props }: SuggestingPropertyFilterProps) {
  const [wanted, setWanted] = useState(false);
  const options = useMemo(() => (wanted ? valueSuggestions(items, props.filteringProperties) : []), [wanted, items, props.filteringProperties]);
  return (
    <PropertyFilter
      {...props}
      filteringOptions={options}
      // "pending" makes Cloudscape ask (onLoadItems) when a value list opens or a value is typed.
      filteringStatusType={wanted ? 'finished' : 'pending'}
      onLoadItems={() => setWanted(true)}
    />
  );
}
