/** Shape of generated/aws-managed-policies.json (written by scripts/extract-managed-policies.ts). */
export interface AwsManagedPolicyRecord {
  name: string;
  /** `/` or `/job-function/`, `/service-role/`, … */
  path: string;
  arn: string;
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  /** The latest version's document as JSON text. */
  document: string;
}

export interface AwsManagedPolicyFile {
  source: string;
  policies: AwsManagedPolicyRecord[];
}
