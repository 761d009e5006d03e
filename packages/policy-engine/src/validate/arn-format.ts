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

/** Checks one Resource/NotResource entry; returns its parts when it is a well-formed ARN. */
export function checkResourceArn(ctx: CheckContext, entry: StringEntry): ArnParts | undefined {
  const text = entry.value;
  if (text === '*') return undefined;
  if (!text.toLowerCase().startsWith('arn:')) {
    if (text.startsWith('${')) return undefined; // a variable holding a whole ARN
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
  const parts = splitArn(text);
  if (!parts) {
    // A wildcard can stand for several fields at the end ("arn:aws:s3:*").
    if (!isOpen(text.slice(text.lastIndexOf(':') + 1))) {
      ctx.report('MISSING_ARN_FIELD', entry.node, `The ARN ${text} has fewer than six fields; ARNs look like arn:partition:service:region:account:resource.`);
    }
    return undefined;
  }
  let valid = true;
  if (!PARTITIONS.has(parts.partition) && !isOpen(parts.partition)) {
    ctx.report('INVALID_PARTITION', entry.node, `The partition ${parts.partition} in ${text} is not valid; use aws, aws-cn or aws-us-gov (or \${aws:partition}).`);
    valid = false;
  }
  if (/[A-Z]/.test(parts.service) && !isOpen(parts.service)) {
    ctx.report('INVALID_ARN_SERVICE_CASE', entry.node, `The service ${parts.service} in ${text} must be lower case: ${parts.service.toLowerCase()}.`);
    valid = false;
  }
  if (parts.region !== '' && !REGION.test(parts.region) && !isOpen(parts.region)) {
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
