// The shape of resource ARNs, without the catalog: arn:partition:service:region:account:resource.
import type { CheckContext } from './context.ts';
import type { StringEntry } from './model.ts';
import { looksLikePlaceholder } from './placeholder.ts';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
/** us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1, eusc-de-east-1 … */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^(\d{12}|aws)$/;

/** Parts that hold a wildcard or a policy variable may stand for anything. */
function isOpen(part: string): boolean {
  return part.includes('*') || part.includes('?') || part.includes('${');
}

/** Splits an ARN into its six fields; the resource part keeps its colons. */
export function splitArn(text: string): ArnParts | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0]!.toLowerCase() !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** IAM's resource types, as its save-time check lists them for an IAM ARN's resource part. */
export const IAM_RESOURCE_TYPES = ['user/', 'federated-user/', 'role/', 'group/', 'instance-profile/', 'mfa/', 'server-certificate/', 'policy/', 'sms-mfa/', 'saml-provider/', 'oidc-provider/', 'report/', 'access-report/'];
/** IAM resource types of the Service Authorization Reference newer than the list IAM's message was recorded with. */
const NEWER_IAM_RESOURCE_TYPES = ['assumed-role/', 'delegation-request/', 'role-template/'];
/** S3 resources that carry a region (access points, Batch Operations jobs, Storage Lens); buckets and objects do not. */
const S3_REGIONAL_RESOURCES = ['accesspoint/', 'job/', 'storage-lens/', 'storage-lens-group/', 'access-grants/', 'async-request/'];

/**
 * IAM's save-time check of a resource with a colon, in its order: partition, service, region of IAM and S3 ARNs,
 * IAM resource types, then the legacy parser's field count. True when IAM refuses it (a finding is reported).
 */
function checkIamRefusal(ctx: CheckContext, entry: StringEntry): boolean {
  const text = entry.value;
  const fields = text.split(':');
  const partition = fields[1]!;
  if (!PARTITIONS.has(partition) && !isOpen(partition)) {
    ctx.report('INVALID_PARTITION', entry.node, `The partition ${partition} in ${text} is not valid; use aws, aws-cn or aws-us-gov.`);
    return true;
  }
  if (fields.length === 2) {
    ctx.report('INVALID_ARN_VENDOR', entry.node, `${text} ends after its partition; name the service (arn:partition:service:region:account:resource).`);
    return true;
  }
  const [service, region, , ...rest] = fields.slice(2) as [string, string | undefined, string | undefined, ...string[]];
  const resource = rest.join(':');
  if ((service === 'iam' || service === 's3') && region !== undefined && region !== '') {
    if (service === 'iam' || !S3_REGIONAL_RESOURCES.some((type) => resource.startsWith(type))) {
      ctx.report('ARN_REGION_REFUSED', entry.node, `${service === 'iam' ? 'IAM' : 'S3 bucket and object'} ARNs have no region; remove ${region} from ${text}.`);
      return true;
    }
  }
  if (service === 'iam' && fields.length >= 6 && resource !== '*' && resource !== 'root' && ![...IAM_RESOURCE_TYPES, ...NEWER_IAM_RESOURCE_TYPES].some((type) => resource.startsWith(type))) {
    ctx.report('INVALID_IAM_RESOURCE_PATH', entry.node, `The IAM resource ${resource} in ${text} is not valid; use "*", root or a path starting with ${IAM_RESOURCE_TYPES.join(', ')}.`);
    return true;
  }
  if ((fields.length < 6 && text.includes('::')) || service === '') {
    ctx.report('MALFORMED_ARN', entry.node, `${text} has ${service === '' ? 'no service' : 'too few fields'}; ARNs look like arn:partition:service:region:account:resource.`);
    return true;
  }
  return false;
}

/** Checks one Resource/NotResource entry; returns its parts when it is a well-formed ARN. */
export function checkResourceArn(ctx: CheckContext, entry: StringEntry): ArnParts | undefined {
  const text = entry.value;
  if (text === '*') return undefined;
  if (!text.includes(':')) {
    const placeholder = looksLikePlaceholder(text.trim());
    ctx.report(
      'INVALID_ARN_PREFIX',
      entry.node,
      placeholder
        ? `${text} looks like a template placeholder; replace it with a real ARN (arn:partition:service:region:account:resource). IAM rejects a resource that is neither "*" nor an ARN.`
        : `The resource ${text} is not an ARN; resources are "*" or start with arn: (arn:partition:service:region:account:resource).`,
    );
    return undefined;
  }
  if (text.startsWith('${')) return undefined; // a variable holding a whole ARN
  if (checkIamRefusal(ctx, entry)) return undefined;
  const parts = splitArn(text);
  if (!parts) {
    // A wildcard can stand for several fields at the end ("arn:aws:s3:*").
    if (!isOpen(text.slice(text.lastIndexOf(':') + 1)) || !text.toLowerCase().startsWith('arn:')) {
      ctx.report('MISSING_ARN_FIELD', entry.node, `${text} is not a whole ARN; ARNs look like arn:partition:service:region:account:resource. IAM accepts it, but it matches no resource.`);
    }
    return undefined;
  }
  let valid = true;
  if (/[A-Z]/.test(parts.service) && !isOpen(parts.service)) {
    ctx.report('INVALID_ARN_SERVICE_CASE', entry.node, `The service ${parts.service} in ${text} must be lower case: ${parts.service.toLowerCase()}.`);
    valid = false;
  }
  if (parts.region !== '' && !REGION.test(parts.region) && !isOpen(parts.region)) {
    if (looksLikePlaceholder(parts.region)) {
      ctx.report('PLACEHOLDER_VALUE', entry.node, `The region ${parts.region} in ${text} looks like a placeholder; replace it with a region code such as us-east-1.`);
      return undefined;
    }
    ctx.report('INVALID_ARN_REGION', entry.node, `The region ${parts.region} in ${text} is not a region code such as us-east-1.`);
    valid = false;
  }
  if (parts.account !== '' && !ACCOUNT.test(parts.account) && !isOpen(parts.account)) {
    if (looksLikePlaceholder(parts.account)) {
      ctx.report('PLACEHOLDER_VALUE', entry.node, `The account ${parts.account} in ${text} looks like a placeholder; replace it with the 12-digit account ID.`);
      return undefined;
    }
    ctx.report('INVALID_ARN_ACCOUNT', entry.node, `The account ${parts.account} in ${text} is not valid; use a 12-digit account ID.`);
    valid = false;
  }
  return valid ? parts : undefined;
}
