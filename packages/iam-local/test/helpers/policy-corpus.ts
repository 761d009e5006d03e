// Policy documents with IAM's verdict on them, as public test suites recorded real AWS's answers (moto's IAM
// policy tests, LocalStack's IAM snapshots): what IAM refuses, with its message, and what it accepts although a
// linter would object. policy-messages.test.ts sends them through the SDK; policy-verdict-corpus.test.ts checks
// that `policy-check` agrees with the endpoint on each.
export type Json = Record<string, unknown>;
export const BUCKET = 'arn:aws:s3:::example_bucket';
export const identity = (statement: Json, extra: Json = {}) =>
  JSON.stringify({ Version: '2012-10-17', ...extra, Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET, ...statement }] });
export const bare = (statement: Json) => JSON.stringify({ Version: '2012-10-17', Statement: statement });
export const trust = (statement: Json) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', ...statement }] });

export const twoStatements = (first: Json, second: Json) => JSON.stringify({ Version: '2012-10-17', Statement: [first, second] });
export const good: Json = { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET };

/** Identity-policy refusals, by family of IAM's check: the document and IAM's answer. */
export const IDENTITY_CASES: [family: string, description: string, document: string, message: string][] = [
  ['syntax', 'bad JSON', '{"Version": "2012-10-17", "Statement": [', 'Syntax errors in policy.'],
  ['syntax', 'not a JSON document', 'This is not a json document', 'Syntax errors in policy.'],
  ['syntax', 'an unknown statement element', identity({ 'Extra field': 'value' }), 'Syntax errors in policy.'],
  ['syntax', 'an unknown top-level element', identity({}, { 'Extra field': 'value' }), 'Syntax errors in policy.'],
  ['syntax', 'Action and NotAction together', identity({ NotAction: 's3:PutObject' }), 'Syntax errors in policy.'],
  ['syntax', 'an Id that is a list', identity({}, { Id: ['x'] }), 'Syntax errors in policy.'],
  ['syntax', 'an unknown Effect', identity({ Effect: 'invalid' }), 'Syntax errors in policy.'],
  ['syntax', 'a number as Action', identity({ Action: 7 }), 'Syntax errors in policy.'],
  ['syntax', 'an unknown Version', identity({}, { Version: '2013-10-17' }), 'Syntax errors in policy.'],
  ['syntax', 'an empty Statement list', JSON.stringify({ Version: '2012-10-17', Statement: [] }), 'Syntax errors in policy.'],
  ['syntax', 'an unknown operator with conditions', identity({ Condition: { x: { a: '1' } } }), 'Syntax errors in policy.'],
  ['syntax', 'a condition value that is an object', identity({ Condition: { DateGreaterThan: { a: {} } } }), 'Syntax errors in policy.'],
  ['legacy parsing', 'an Effect in the wrong case', identity({ Effect: 'denY' }), 'The policy failed legacy parsing'],
  ['legacy parsing', 'a date IAM cannot read', identity({ Condition: { DateGreaterThan: { 'aws:CurrentTime': 'sdfdsf' } } }), 'The policy failed legacy parsing'],
  ['legacy parsing', 'a time zone of one digit', identity({ Condition: { DateLessThanEquals: { 'aws:CurrentTime': '2016-12-13t2:00:00.593194+1' } } }), 'The policy failed legacy parsing'],
  ['legacy parsing', 'an ARN with too few fields', identity({ Resource: 'arn:aws:s3::example_bucket' }), 'The policy failed legacy parsing'],
  ['legacy parsing', 'an ARN without service', identity({ Resource: 'arn:aws::fdsasf' }), 'The policy failed legacy parsing'],
  ['principal', 'a Principal', identity({ Principal: { AWS: '*' } }), 'Policy document should not specify a principal.'],
  ['Sid', 'a duplicate Sid', twoStatements({ ...good, Sid: 'Read' }, { ...good, Sid: 'Read', Action: 's3:GetObject' }), 'Statement IDs (SID) in a single policy must be unique.'],
  ['Sid', 'a Sid with a hyphen', identity({ Sid: 'read-objects' }), 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
  ['actions', 'no Action', bare({ Effect: 'Allow', Resource: BUCKET }), 'Policy statement must contain actions.'],
  ['actions', 'an empty Action list', identity({ Action: [] }), 'Policy statement must contain actions.'],
  ['resource format', 'a resource that is not an ARN', identity({ Resource: 'invalid resource' }), 'Resource invalid resource must be in ARN format or "*".'],
  ['resource format', 'an empty resource', identity({ Resource: '' }), 'Resource  must be in ARN format or "*".'],
  ['resource format', 'an unknown partition', identity({ Resource: 'arn:error:s3:::example_bucket' }), 'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".'],
  ['resource format', 'an ARN without arn:', identity({ Resource: 'aws:s3:::example_bucket' }), 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".'],
  ['resource format', 'an ARN that ends after its partition', identity({ Resource: 'arn:aws' }), 'Resource vendor must be fully qualified and cannot contain regexes.'],
  ['resource format', 'a region in an IAM ARN', identity({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }), 'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.'],
  ['resource format', 'a region in an S3 bucket ARN', identity({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }), 'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.'],
  [
    'resource format',
    'an IAM resource of no IAM type',
    identity({ Resource: 'arn:aws:iam:::example_bucket' }),
    'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  ],
  ['action vendor', 'an action without a vendor', identity({ Action: 'invalid' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['action vendor', 'an empty NotAction', identity({ Action: undefined, NotAction: '' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['action vendor', 'an action with two colons', identity({ Action: 's3:List:Bucket' }), 'Actions/Condition can contain only one colon.'],
  ['action vendor', 'a vendor with a space', identity({ Action: 'a a:ListBucket' }), 'Vendor a a is not valid'],
  ['action vendor', 'a vendor with a wildcard', identity({ Action: 's3*:ListBucket' }), 'Vendor s3* is not valid'],
  ['resources', 'no Resource', bare({ Effect: 'Allow', Action: 's3:ListBucket' }), 'Policy statement must contain resources.'],
  ['resources', 'an empty Resource list', identity({ Resource: [] }), 'Policy statement must contain resources.'],
];

/** Documents IAM stores although a linter would object: its save-time check is a grammar check. */
export const ACCEPTED: [description: string, document: string][] = [
  ['an unknown service and action', identity({ Action: ['fsx:ListBucket', 'aaaaaadsfdsafsadfsadfaaaaa:ListBucket'] })],
  ['an action with spaces after the vendor', identity({ Action: 'iam: asdf safdsf af ' })],
  ['vendors with "-" and "."', identity({ Action: ['s3-s:ListBucket', 's3.s:ListBucket'] })],
  ['an unknown service in an ARN', identity({ Resource: ['arn:aws:s33:::example_bucket', 'arn:aws:invalid-service:us-east-1::example_bucket'] })],
  ['an ARN with too few fields and no empty one', identity({ Resource: 'arn:aws:fdsasf' })],
  ['a region where the service has none', identity({ Resource: 'arn:aws:cloudwatch:us-east-1::example_bucket' })],
  ['placeholder region and account', identity({ Action: 'ec2:StartInstances', Resource: 'arn:aws:ec2:region:account-id:instance/*' })],
  ['a placeholder region with wildcards', identity({ Action: 'rds:*', Resource: 'arn:aws:rds:region:*:*' })],
  ['an S3 access point with region and account', identity({ Action: 's3:*', Resource: 'arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/*' })],
  ['an IAM account root', identity({ Action: 'iam:GetAccountSummary', Resource: 'arn:aws:iam::123456789012:root' })],
  ['unknown condition keys', identity({ Condition: { StringEquals: { a: 'x', 'aws:NoSuchKey': 'y', 's3:prefixx': 'z' } } })],
  ['unknown operators with empty blocks', identity({ Condition: { x: {}, y: {} } })],
  ['IfExists with a set operator', identity({ Condition: { 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } } })],
  ['dates IAM reads', identity({ Condition: { DateGreaterThan: { a: '01T' }, DateLessThan: { b: '-292275054' }, DateLessThanEquals: { c: '2016-12-13T21:20:37.593194+00:00' } } })],
  ['a policy variable with a default', identity({ Resource: "arn:aws:s3:::bucket/${aws:username, 'none'}/*" })],
  ['empty Sids twice', twoStatements({ ...good, Sid: '' }, { ...good, Sid: '' })],
];


const NO_PRINCIPALS = 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!';

/** Role trust policy refusals: the document and IAM's answer. */
export const TRUST_CASES: [description: string, document: string, message: string][] = [
  ['invalid JSON', 'not valid json', 'This policy contains invalid Json'],
  ['an action that is not STS', trust({ Action: 'sts:InvalidAction' }), 'AssumeRole policy may only specify STS AssumeRole actions.'],
  ['an S3 action besides AssumeRole', trust({ Action: ['sts:AssumeRole', 's3:GetObject'] }), 'AssumeRole policy may only specify STS AssumeRole actions.'],
  ['a Resource', trust({ Resource: BUCKET }), 'Has prohibited field Resource'],
  ['a NotResource', trust({ NotResource: '*' }), 'Has prohibited field Resource'],
  ['a placeholder account', trust({ Principal: { AWS: 'ACCOUNT-B-ID' } }), 'Invalid principal in policy: "AWS":"ACCOUNT-B-ID"'],
  ['an account of two digits', trust({ Principal: { AWS: ['123456789012', 'arn:aws:iam::12:root'] } }), 'Invalid principal in policy: "AWS":"arn:aws:iam::12:root"'],
  ['a service that is no domain', trust({ Principal: { Service: 'lambda' } }), 'Invalid principal in policy: "SERVICE":"lambda"'],
  ['an empty principal list', trust({ Principal: { AWS: [] } }), NO_PRINCIPALS],
  ['an empty Principal object', trust({ Principal: {} }), NO_PRINCIPALS],
  ['no Principal', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }), NO_PRINCIPALS],
  ['a Sid with a hyphen', trust({ Sid: 'trust-b' }), 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
  ['an action without vendor', trust({ Action: 'AssumeRole' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['a list for a policy', '[]', 'Syntax errors in policy.'],
];

/** Role trust policies IAM accepts. */
export const TRUST_ACCEPTED: [description: string, document: string][] = [
  ['no Version', JSON.stringify({ Statement: JSON.parse(trust({})).Statement })],
  ['Version 2008-10-17', JSON.stringify({ Version: '2008-10-17', Statement: JSON.parse(trust({})).Statement })],
  ['session tags and source identity', trust({ Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] })],
];
