import Calendar from '@cloudscape-design/components/calendar';
import DateInput from '@cloudscape-design/components/date-input';
import FormField from '@cloudscape-design/components/form-field';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-01-31" for a real calendar day, else null ("2026-02-30" is not one). */
export function asIsoDate(text: string | undefined): string | null {
  const candidate = (text ?? '').trim().replaceAll('/', '-');
  if (!ISO_DATE.test(candidate)) return null;
  const date = new Date(`${candidate}T00:00:00`);
  return !Number.isNaN(date.getTime()) && localDay(date) === candidate ? candidate : null;
}

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The local calendar day of an ISO timestamp (what the tables show), or null when there is none ("Never"). */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : localDay(date);
}

/**
 * The operator form: a date field and a calendar, prefilled with a date typed into the filter. Kept in local
 * state so half-typed dates stay in the field; the filter only receives whole, valid dates.
 */
export function DateForm({ filter, value, onChange }: PropertyFilterProps.ExtendedOperatorFormProps<string>) {
  const [text, setText] = useState(value ?? asIsoDate(filter) ?? '');
  useEffect(() => {
    const typed = asIsoDate(filter);
    if (typed) setText(typed);
  }, [filter]);
  useEffect(() => onChange(asIsoDate(text)), [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <SpaceBetween size="s">
      <FormField label="Date" description="YYYY/MM/DD">
        <DateInput value={text} onChange={({ detail }) => setText(detail.value)} placeholder="YYYY/MM/DD" ariaLabel="Date" />
      </FormField>
      <Calendar value={text} onChange={({ detail }) => setText(detail.value)} />
    </SpaceBetween>
  );
}

// ISO days compare correctly as strings. A row without a date (never signed in) matches only "is not on".
const DATE_OPERATORS: { operator: string; description: string; test: (day: string, token: string) => boolean }[] = [
  { operator: '<', description: 'Before', test: (day, token) => day < token },
  { operator: '<=', description: 'On or before', test: (day, token) => day <= token },
  { operator: '>', description: 'After', test: (day, token) => day > token },
  { operator: '>=', description: 'On or after', test: (day, token) => day >= token },
  { operator: '=', description: 'On', test: (day, token) => day === token },
  { operator: '!=', description: 'Not on', test: (day, token) => day !== token },
];

/** A property filter on a date column, compared by calendar day with Cloudscape's date operators and a date form. */
export function dateFilteringProperty(key: string, propertyLabel: string): PropertyFilterProps.FilteringProperty {
  return {
    key,
    propertyLabel,
    groupValuesLabel: `${propertyLabel} values`,
    defaultOperator: '>',
    operators: DATE_OPERATORS.map(({ operator, description, test }) => ({
      operator,
      description,
      form: DateForm,
      match: (itemValue: unknown, token: string) => {
        const day = dayOf(itemValue);
        return day === null ? operator === '!=' : test(day, token);
      },
    })),
  };
}

/** Whether the property is filtered through a form (a date) rather than by picking one of the values seen. */
export const hasOperatorForm = (property: PropertyFilterProps.FilteringProperty): boolean =>
  (property.operators ?? []).some((operator) => typeof operator === 'object' && Boolean(operator.form));
