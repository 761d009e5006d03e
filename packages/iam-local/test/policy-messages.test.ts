// MalformedPolicyDocument as IAM answers it, through the SDK over HTTP, for each family of IAM's save-time check
// (policy-engine/src/validate/iam-verdict.ts): code, status 400 and IAM's message as real AWS's answers were
// recorded by public test suites (moto's IAM policy tests, LocalStack's IAM snapshots). The three ways a document
// arrives: a managed policy, an inline policy and a role trust policy. Nothing refused is stored; what IAM
// accepts is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  GetRoleCommand,
  ListPoliciesCommand,
  ListUserPoliciesCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { ACCEPTED, BUCKET, bare, good, identity, IDENTITY_CASES, trust, TRUST_ACCEPTED, TRUST_CASES, twoStatements } from './helpers/policy-corpus.ts';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }] });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'ivy' }));
  await t.iam.send(new CreateRoleCommand({ RoleName: 'runner', AssumeRolePolicyDocument: TRUST }));
});
afterAll(() => t.close());

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await awsError(call);
  expect(error.name).toBe('MalformedPolicyDocumentException');
  expect(error.status).toBe(400);
  return error.message;
}

const createPolicy = (document: string) => refusal(t.iam.send(new CreatePolicyCommand({ PolicyName: 'refused', PolicyDocument: document })));
const putUserPolicy = (document: string) => refusal(t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'refused', PolicyDocument: document })));
const updateTrust = (document: string) => refusal(t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: document })));

describe('MalformedPolicyDocument: IAM\'s code, status and message for each family', () => {
  it.each(IDENTITY_CASES)('CreatePolicy, %s: %s', async (_family, _case, document, message) => {
    expect(await createPolicy(document)).toBe(message);
  });

  it.each(IDENTITY_CASES)('PutUserPolicy, %s: %s', async (_family, _case, document, message) => {
    expect(await putUserPolicy(document)).toBe(message);
  });

  it('version: a managed policy must be in the 2012-10-17 language, an inline policy need not', async () => {
    const noVersion = JSON.stringify({ Statement: good });
    const oldVersion = JSON.stringify({ Version: '2008-10-17', Statement: good });
    expect(await createPolicy(noVersion)).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(await createPolicy(oldVersion)).toBe('Policy document must be version 2012-10-17 or greater.');
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: identity({}) }));
    expect(await refusal(t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: oldVersion })))).toBe('Policy document must be version 2012-10-17 or greater.');
    await t.iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }));
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'old', PolicyDocument: oldVersion }));
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'none', PolicyDocument: noVersion }));
    expect((await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy' }))).PolicyNames).toEqual(['none', 'old']);
  });

  it('version: a policy variable without Version is stored, and read literally when evaluated', async () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' };
    await t.iam.send(new CreateUserCommand({ UserName: 'lit' }));
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'lit', PolicyName: 'home', PolicyDocument: JSON.stringify({ Statement: statement }) }));
    const decide = async (resource: string) => {
      const out = await t.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${t.accountId}:user/lit`, ActionNames: ['s3:GetObject'], ResourceArns: [resource] }));
      return out.EvaluationResults![0]!.EvalDecision;
    };
    expect(await decide('arn:aws:s3:::bucket/lit/a.txt')).toBe('implicitDeny');
    expect(await decide('arn:aws:s3:::bucket/${aws:username}/a.txt')).toBe('allowed');
  });

  it('reports the one problem IAM checks first', async () => {
    // Syntax before the Version, the Version before legacy parsing, legacy parsing before Sids…
    expect(await createPolicy(JSON.stringify({ Statement: { ...good, Effect: 'denY', Extra: 1 } }))).toBe('Syntax errors in policy.');
    expect(await createPolicy(JSON.stringify({ Statement: { ...good, Effect: 'denY' } }))).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(await createPolicy(twoStatements({ ...good, Sid: 'sdf', Effect: 'aLLow' }, { Sid: 'sdf', Effect: 'Allow' }))).toBe('The policy failed legacy parsing');
    expect(await createPolicy(twoStatements({ ...good, Sid: 'sdf' }, { Sid: 'sdf', Effect: 'Allow' }))).toBe('Statement IDs (SID) in a single policy must be unique.');
    // … actions present before resource formats, resource formats before action vendors, vendors before resources present.
    expect(await createPolicy(bare({ Effect: 'Allow', Resource: 'bucket' }))).toBe('Policy statement must contain actions.');
    expect(await createPolicy(identity({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }))).toBe('Resource sdfsadf must be in ARN format or "*".');
    expect(await createPolicy(bare({ Effect: 'Allow', Action: 'invalid' }))).toBe('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    // Of several bad resources, the one IAM reads last.
    expect(await createPolicy(identity({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }))).toBe(
      'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
    );
  });

  it.each(ACCEPTED)('accepts %s', async (_case, document) => {
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'accepted', PolicyDocument: document }));
    await t.iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }));
  });

  it.each(TRUST_CASES)('UpdateAssumeRolePolicy: %s', async (_case, document, message) => {
    expect(await updateTrust(document)).toBe(message);
  });

  it.each(TRUST_ACCEPTED)('UpdateAssumeRolePolicy accepts %s', async (_case, document) => {
    await t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: document }));
    await t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'runner', PolicyDocument: TRUST }));
  });

  it('keeps the trust policy a refused update would have replaced', async () => {
    await updateTrust(trust({ Resource: BUCKET }));
    const { Role } = await t.iam.send(new GetRoleCommand({ RoleName: 'runner' }));
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
  });

  it('CreateRole answers the same way', async () => {
    const message = await refusal(t.iam.send(new CreateRoleCommand({ RoleName: 'other', AssumeRolePolicyDocument: trust({ Principal: { AWS: 'ACCOUNT-B-ID' } }) })));
    expect(message).toBe('Invalid principal in policy: "AWS":"ACCOUNT-B-ID"');
  });

  it('stores none of the refused documents', async () => {
    expect((await t.iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies).toEqual([]);
    expect((await t.iam.send(new ListUserPoliciesCommand({ UserName: 'ivy' }))).PolicyNames).not.toContain('refused');
  });
});
