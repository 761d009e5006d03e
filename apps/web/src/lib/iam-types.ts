// Shapes the BFF returns for things users, groups and roles have in common (see apps/bff/API.md).

export interface Tag {
  key: string;
  value: string;
}

export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

export interface InlinePolicy {
  policyName: string;
  document: string;
}

/** A detail section the signed-in principal may not read: the page shows what is missing instead. */
export interface UnavailableSection {
  section: string;
  code: string;
  message: string;
  /** The refused IAM action, e.g. `iam:ListAccessKeys`, when the BFF names it (else it is read from `message`). */
  action?: string;
}

export type PrincipalKind = 'users' | 'groups' | 'roles';

/** A managed policy as pickers offer it (attach, permissions boundary). */
export interface ManagedPolicyOption {
  arn: string;
  policyName: string;
  awsManaged: boolean;
  description?: string;
}

/** What a picker needs from a list query, without knowing which feature loaded it. */
export interface OptionsSource<T> {
  items: readonly T[] | undefined;
  loading: boolean;
  error: unknown;
}
