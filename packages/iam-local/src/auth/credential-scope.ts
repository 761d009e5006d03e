// The region and service a SigV4 credential scope may name at this endpoint, and AWS's answer to any other.
// One URL serves IAM and STS: the scope's service says which endpoint the client means.
import { IamError } from '../errors.ts';
import type { ServiceName } from '../protocol/xml.ts';

/**
 * IAM has one endpoint in the aws partition, iam.amazonaws.com, and requests to it are signed for us-east-1
 * (AWS General Reference, "AWS Identity and Access Management endpoints and quotas").
 */
const IAM_REGIONS: ReadonlySet<string> = new Set(['us-east-1']);

/**
 * The commercial regions with an STS endpoint sts.<region>.amazonaws.com (AWS General Reference, "AWS Security
 * Token Service endpoints and quotas"); us-east-1 also signs for the global endpoint sts.amazonaws.com.
 * China and GovCloud are other partitions, not served here.
 */
export const STS_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
]);

const REGIONS: Record<ServiceName, ReadonlySet<string>> = { iam: IAM_REGIONS, sts: STS_REGIONS };

function isServiceName(name: string): name is ServiceName {
  return name === 'iam' || name === 'sts';
}

// Wording as real AWS answers (403 SignatureDoesNotMatch, trailing space included): IAM names the region, STS
// does not; a scope wrong in both region and service gets both sentences, region first.
function wrongRegion(service: ServiceName, region: string): string {
  return service === 'iam' ? `Credential should be scoped to a valid region, not '${region}'. ` : 'Credential should be scoped to a valid region. ';
}

/**
 * Checks the scope's region and service. `fallback` is the service the request is taken for when the scope names
 * neither IAM nor STS (the service of its Action, when known). Returns the service the request is for.
 */
export function checkCredentialScope(scope: { region: string; service: string }, fallback: ServiceName): ServiceName {
  const service = isServiceName(scope.service) ? scope.service : fallback;
  const problems: string[] = [];
  if (!REGIONS[service].has(scope.region)) problems.push(wrongRegion(service, scope.region));
  if (service !== scope.service) problems.push(`Credential should be scoped to correct service: '${service}'. `);
  if (problems.length > 0) throw new IamError('SignatureDoesNotMatch', problems.join(''));
  return service;
}
