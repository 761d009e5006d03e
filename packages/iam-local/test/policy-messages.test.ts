// MalformedPolicyDocument answers in AWS's words (src/model/policy-messages.ts), through the SDK for the three ways
// a document arrives: a managed policy, an inline policy and a role trust policy. Nothing refused is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListPoliciesCommand,
  ListUserPoliciesCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }] });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'ivy' }));
  await t.iam.send(new CreateRoleCommand({ RoleName: 'runner', AssumeRolePolicyDocument: TRUST }));
});
afterAll(() => t.close());

const identity = (statement: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: '2012-10-17', ...extra, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...statement }] });
const trust = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole', ...statement }] });

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await awsError(call);
  expect(error.name).toBe('MalformedPolicyDocumentException');
  expect(error.status).toBe(400);
  return error.message;
}

const createPolicy = (document: string) => refusal(t.iam.send(new CreatePolicyCommand({ PolicyName: 'refused', PolicyDocument: document })));
const putUserPolicy = (document: string) => refusal(t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'refused', PolicyDocument: document })));
const updateTrust = (document: string) => refusal(t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: document })));

const twoStatements = (sid: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: sid, Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
    ],
  });

/** Identity-policy cases: each document and AWS's answer. */
const IDENTITY_CASES: [string, string, string][] = [
  ['a Sid with a hyphen', identity({ Sid: 'read-objects' }), 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
  ['a duplicate Sid', twoStatements('Read'), 'Statement IDs (SID) in a single policy must be unique.'],
  ['a resource that is not an ARN', identity({ Resource: 'bucket' }), 'Resource bucket must be in ARN format or "*".'],
  ['an empty resource', identity({ Resource: '' }), 'Resource  must be in ARN format or "*".'],
  ['an action without a vendor', identity({ Action: 'GetObject' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['an action with two colons', identity({ Action: 's3:Get:Object' }), 'Actions/Condition can contain only one colon.'],
  ['an unknown statement element', identity({ Actions: 's3:*' }), 'Syntax errors in policy.'],
  ['an unknown top-level element', identity({}, { Comment: 'x' }), 'Syntax errors in policy.'],
  ['Action and NotAction together', identity({ NotAction: 's3:PutObject' }), 'Syntax errors in policy.'],
  ['a number as Action', identity({ Action: 7 }), 'Syntax errors in policy.'],
  ['bad JSON', '{"Version": "2012-10-17", "Statement": [', 'Syntax errors in policy.'],
  ['a Principal', identity({ Principal: { AWS: '*' } }), 'Policy document should not specify a principal.'],
  ['no Action', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }), 'Policy statement must contain actions.'],
  ['no Resource', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] }), 'Policy statement must contain resources.'],
  ['an Effect in lower case', identity({ Effect: 'allow' }), 'The policy failed legacy parsing'],
  ['an unknown Version', identity({}, { Version: '2020-01-01' }), 'The policy must contain a valid version string'],
];

describe('MalformedPolicyDocument messages', () => {
  it.each(IDENTITY_CASES)('CreatePolicy: %s', async (_case, document, message) => {
    expect(await createPolicy(document)).toBe(message);
  });

  it.each(IDENTITY_CASES)('PutUserPolicy: %s', async (_case, document, message) => {
    expect(await putUserPolicy(document)).toBe(message);
  });

  it('reports what IAM checks first when a document has several problems', async () => {
    // Syntax before Sids, Sids before resource formats, resource formats before action vendors.
    expect(await createPolicy(identity({ Sid: 'a-b', Actions: 'x' }))).toBe('Syntax errors in policy.');
    expect(await createPolicy(identity({ Sid: 'a-b', Resource: 'bucket' }))).toMatch(/^Statement IDs \(SID\) must be alpha-numeric/);
    expect(await createPolicy(identity({ Resource: 'bucket', Action: 'GetObject' }))).toBe('Resource bucket must be in ARN format or "*".');
  });

  it('keeps the validator sentence for errors whose AWS wording we do not know', async () => {
    const badOperator = identity({ Condition: { StringEqualz: { 'aws:username': 'x' } } });
    expect(await createPolicy(badOperator)).toContain('StringEqualz');
  });

  it('UpdateAssumeRolePolicy: trust policy cases', async () => {
    expect(await updateTrust(trust({ Principal: { AWS: 'ACCOUNT-B-ID' } }))).toBe('Invalid principal in policy: "AWS":"ACCOUNT-B-ID"');
    expect(await updateTrust(trust({ Principal: { AWS: ['123456789012', 'arn:aws:iam::12:root'] } }))).toBe(
      'Invalid principal in policy: "AWS":"arn:aws:iam::12:root"',
    );
    expect(await updateTrust(trust({ Principal: { Service: 'lambda' } }))).toBe('Invalid principal in policy: "SERVICE":"lambda"');
    expect(await updateTrust(trust({ Resource: '*' }))).toBe('Has prohibited field Resource');
    expect(await updateTrust(trust({ NotResource: '*' }))).toBe('Has prohibited field Resource');
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(await updateTrust(noPrincipal)).toBe('Missing required field Principal');
    expect(await updateTrust(trust({ Sid: 'trust-b' }))).toMatch(/^Statement IDs \(SID\) must be alpha-numeric/);
    expect(await updateTrust(trust({ Action: 'AssumeRole' }))).toBe('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    expect(await updateTrust('[]')).toBe('Syntax errors in policy.');
    const { Role } = await t.iam.send(new GetRoleCommand({ RoleName: 'runner' }));
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
  });

  it('CreateRole answers the same way', async () => {
    const message = await refusal(t.iam.send(new CreateRoleCommand({ RoleName: 'other', AssumeRolePolicyDocument: trust({ Principal: { AWS: 'ACCOUNT-B-ID' } }) })));
    expect(message).toBe('Invalid principal in policy: "AWS":"ACCOUNT-B-ID"');
  });

  it('stores none of the refused documents', async () => {
    expect((await t.iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies).toEqual([]);
    expect((await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy' }))).PolicyNames).toEqual([]);
  });
});
