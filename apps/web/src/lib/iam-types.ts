// Shapes users, groups and roles have in common, as the API contract defines them; and the SPA's own.
export type { AttachedPolicy, InlinePolicy, Tag, UnavailableSection } from '@iam-console/api-contract/fields.ts';

export type PrincipalKind = 'users' | 'groups' | 'roles';

/** A managed policy as pickers offer it (attach, permissions boundary). */
export interface ManagedPolicyOption {
  arn: string;
  policyName: string;
  awsManaged: boolean;
  description?: string;
  /** Read to preview the document (a permissions boundary before it is set). */
  defaultVersionId?: string;
}

/** What a picker needs from a list query, without knowing which feature loaded it. */
export interface OptionsSource<T> {
  items: readonly T[] | undefined;
  loading: boolean;
  error: unknown;
}
