// The report table's property filters: text and yes/no columns by value, and ages in days compared as numbers
// ("Access key age (days) > 90"). A row without the age (no active key, no password) matches no comparison.
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';

const NUMBER_OPERATORS: { operator: PropertyFilterProps.ComparisonOperator; description: string; test: (value: number, token: number) => boolean }[] = [
  { operator: '>', description: 'More than', test: (value, token) => value > token },
  { operator: '>=', description: 'At least', test: (value, token) => value >= token },
  { operator: '<', description: 'Less than', test: (value, token) => value < token },
  { operator: '<=', description: 'At most', test: (value, token) => value <= token },
  { operator: '=', description: 'Equals', test: (value, token) => value === token },
];

/** Whole numbers only: "90", " 45 ". Anything else matches nothing. */
const asNumber = (token: string): number | undefined => (/^\s*\d+\s*$/.test(token) ? Number(token) : undefined);

export function numberFilteringProperty(key: string, propertyLabel: string): PropertyFilterProps.FilteringProperty {
  return {
    key,
    propertyLabel,
    groupValuesLabel: `${propertyLabel} values`,
    defaultOperator: '>=',
    operators: NUMBER_OPERATORS.map(({ operator, description, test }) => ({
      operator,
      description,
      match: (itemValue: unknown, token: string) => {
        const wanted = asNumber(token);
        return typeof itemValue === 'number' && wanted !== undefined && test(itemValue, wanted);
      },
    })),
  };
}

const yesNo = (key: string, propertyLabel: string): PropertyFilterProps.FilteringProperty => ({
  key,
  propertyLabel,
  groupValuesLabel: `${propertyLabel} values`,
  operators: ['=', '!='],
});

export const REPORT_FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = [
  { key: 'user', propertyLabel: 'User', groupValuesLabel: 'Users', operators: [':', '!:', '=', '!=', '^'] },
  yesNo('mfaActive', 'mfa_active'),
  yesNo('passwordEnabled', 'password_enabled'),
  numberFilteringProperty('accessKeyAgeDays', 'Access key age (days)'),
  numberFilteringProperty('accessKeyUnusedDays', 'Access key unused (days)'),
  numberFilteringProperty('passwordUnusedDays', 'Password unused (days)'),
  numberFilteringProperty('activeKeys', 'Active access keys'),
  numberFilteringProperty('findingCount', 'Findings'),
  { key: 'findingChecks', propertyLabel: 'Finding', groupValuesLabel: 'Findings', operators: [':', '!:'] },
];

/** Values offered for the yes/no properties (IAM's own `true`/`false`). */
export const REPORT_FILTERING_OPTIONS: PropertyFilterProps.FilteringOption[] = ['mfaActive', 'passwordEnabled'].flatMap((propertyKey) =>
  ['true', 'false'].map((value) => ({ propertyKey, value })),
);
