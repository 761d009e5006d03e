import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { hasOperatorForm } from './date-filter.tsx';

/** A value as useCollection matches and suggests it: booleans and 0 as text, other falsy values as ''. */
const asText = (value: unknown): string => (typeof value === 'boolean' || value === 0 ? String(value) : value ? String(value) : '');

/**
 * The property filter's value suggestions: every distinct non-empty value of each property picked from
 * values, in list order, as useCollection would compute them. Dates are picked in a form instead; offering
 * every timestamp in the list would only be noise.
 */
export function valueSuggestions(items: readonly unknown[], properties: readonly PropertyFilterProps.FilteringProperty[]): PropertyFilterProps.FilteringOption[] {
  const options: PropertyFilterProps.FilteringOption[] = [];
  for (const property of properties) {
    if (hasOperatorForm(property)) continue;
    const seen = new Set<string>(['']);
    for (const item of items) {
      const value = asText((item as Record<string, unknown>)[property.key]);
      if (seen.has(value)) continue;
      seen.add(value);
      options.push({ propertyKey: property.key, value });
    }
  }
  return options;
}
