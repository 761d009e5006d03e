// ARNs: `arn:partition:service:region:account-id:resource` (IAM User Guide, "IAM ARNs"). IAM resources are
// `type/path/name` (`user/division/alice`, `policy/ReadOnlyAccess`, `mfa/alice-phone`) or `root`; STS's are
// `assumed-role/role-name/session-name` and `federated-user/name`. The one place ARNs are taken apart or put
// together: a resource part may hold `:` and `/`, so splitting on either at a call site cuts names short.

export interface Arn {
  partition: string;
  service: string;
  region: string;
  /** 12 digits, or `aws` for AWS managed policies. */
  accountId: string;
  /** Everything after the account: `user/division/alice`. */
  resource: string;
  /** The resource's type: `user`, `group`, `role`, `policy`, `mfa`, `assumed-role`, …; `root` for the root user. */
  resourceType: string;
  /** IAM's path: `/division/` for `user/division/alice`, `/` without one; empty for types without paths. */
  path: string;
  /** The name a person knows it by: `alice`; the role's name for an assumed-role session; `root`. */
  name: string;
  /** The session name of an `assumed-role` ARN. */
  sessionName?: string;
}

const ARN_SHAPE = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

/** The parts of an ARN, or undefined when `text` is not one. */
export function parseArn(text: string): Arn | undefined {
  const match = ARN_SHAPE.exec(text);
  if (!match) return undefined;
  const [, partition = '', service = '', region = '', accountId = '', resource = ''] = match;
  const base = { partition, service, region, accountId, resource };
  const slash = resource.indexOf('/');
  if (slash < 0) return { ...base, resourceType: resource, path: '', name: resource };
  const resourceType = resource.slice(0, slash);
  const rest = resource.slice(slash + 1);
  if (resourceType === 'assumed-role') {
    const [roleName = '', ...session] = rest.split('/');
    return { ...base, resourceType, path: '', name: roleName, sessionName: session.join('/') };
  }
  const lastSlash = rest.lastIndexOf('/');
  return { ...base, resourceType, path: `/${rest.slice(0, lastSlash + 1)}`, name: rest.slice(lastSlash + 1) };
}

export interface ArnParts {
  partition?: string;
  service?: string;
  region?: string;
  accountId: string;
  resourceType: string;
  /** `/` or `/division/`; default `/`. */
  path?: string;
  name: string;
}

/** An IAM (or STS) ARN from its parts: `buildArn({ accountId, resourceType: 'user', path: '/ops/', name: 'alice' })`. */
export function buildArn(parts: ArnParts): string {
  const { partition = 'aws', service = 'iam', region = '', accountId, resourceType, path = '/', name } = parts;
  return `arn:${partition}:${service}:${region}:${accountId}:${resourceType}${path}${name}`;
}

/** The name a console shows for an ARN (`alice`, `ReadOnlyAccess`, `root`); anything that is no ARN stays as it is. */
export function shortName(arn: string): string {
  return parseArn(arn)?.name || arn;
}

/** An AWS managed policy: `arn:aws:iam::aws:policy/…`. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  const parts = parseArn(arn);
  return parts?.service === 'iam' && parts.accountId === 'aws' && parts.resourceType === 'policy';
}

/**
 * What kind of MFA device a serial number names, as the AWS console shows it: a virtual device `…:mfa/<name>`,
 * a FIDO security key `…:u2f/…` (which gives no code STS takes), else a hardware token's serial number.
 */
export function mfaDeviceType(serialNumber: string): 'Virtual' | 'SecurityKey' | 'Hardware' {
  const parts = parseArn(serialNumber);
  if (parts?.service !== 'iam') return 'Hardware';
  return parts.resourceType === 'mfa' ? 'Virtual' : parts.resourceType === 'u2f' ? 'SecurityKey' : 'Hardware';
}
