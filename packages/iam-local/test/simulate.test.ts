import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetContextKeysForCustomPolicyCommand, GetContextKeysForPrincipalPolicyCommand, SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { createPolicy } from '../src/model/managed-policies.ts';
import { setUserBoundary } from '../src/model/users.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, policy, sdkError } from './helpers/fixtures.ts';
import { FORCE_MFA } from './helpers/guide-policies.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('SimulateCustomPolicy', () => {
  it('decides each action, names the matching statement with 1-based positions, lists missing context keys', async () => {
    const out = await t.iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [FORCE_MFA], ActionNames: ['iam:ListAccessKeys', 'iam:GetUser', 's3:GetObject'], ResourceArns: [`arn:aws:iam::${t.accountId}:user/sam`], CallerArn: `arn:aws:iam::${t.accountId}:user/sam` }),
    );
    const [keys, getUser, s3] = out.EvaluationResults!;
    expect(out.IsTruncated).toBe(false);
    // No MFA context: BoolIfExists aws:MultiFactorAuthPresent false matches on absence → explicit deny.
    expect(keys).toMatchObject({ EvalActionName: 'iam:ListAccessKeys', EvalResourceName: `arn:aws:iam::${t.accountId}:user/sam`, EvalDecision: 'explicitDeny' });
    expect(keys?.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy' });
    const start = keys!.MatchedStatements![0]!.StartPosition!;
    expect(FORCE_MFA.split('\n')[start.Line! - 1]!.slice(start.Column! - 1)).toMatch(/^\{/);
    expect(getUser?.EvalDecision).toBe('allowed');
    expect(s3?.EvalDecision).toBe('explicitDeny');
    expect(keys?.MissingContextValues).toEqual(['aws:MultiFactorAuthPresent']);
  });

  it('uses context entries', async () => {
    const out = await t.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [FORCE_MFA],
        ActionNames: ['iam:ListAccessKeys'],
        ResourceArns: [`arn:aws:iam::${t.accountId}:user/sam`],
        CallerArn: `arn:aws:iam::${t.accountId}:user/sam`,
        ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] }],
      }),
    );
    expect(out.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(out.EvaluationResults?.[0]?.MissingContextValues).toEqual([]);
  });

  it('implicitly denies what nothing allows and pages with MaxItems', async () => {
    const out = await t.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], ActionNames: ['iam:ListUsers', 's3:GetObject', 's3:PutObject'], MaxItems: 2 }));
    expect(out.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['implicitDeny', 'allowed']);
    expect(out.IsTruncated).toBe(true);
    const rest = await t.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], ActionNames: ['iam:ListUsers', 's3:GetObject', 's3:PutObject'], Marker: out.Marker }));
    expect(rest.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['s3:PutObject']);
  });

  it('refuses a malformed policy', async () => {
    const e = await sdkError(t.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement": 5'], ActionNames: ['iam:ListUsers'] })));
    expect(e.name).toBe('MalformedPolicyDocumentException');
  });
});

describe('SimulatePrincipalPolicy', () => {
  it('simulates a user with its policies and boundary', async () => {
    const u = addUser(t, 'simuser', { admin: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) });
    const boundary = createPolicy(t.server.state.db, t.accountId, { name: 'ReadOnlyBoundary', path: '/', document: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) }, new Date());
    setUserBoundary(t.server.state.db, 'simuser', boundary.arn);
    const out = await t.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: u.arn, ActionNames: ['iam:GetUser', 'iam:CreateUser'] }));
    const [get, create] = out.EvaluationResults!;
    expect(get).toMatchObject({ EvalDecision: 'allowed', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
    expect(get?.MatchedStatements?.map((s) => s.SourcePolicyId)).toContain('admin');
    expect(get?.MatchedStatements?.find((s) => s.SourcePolicyId === 'admin')?.SourcePolicyType).toBe('user');
    expect(create).toMatchObject({ EvalDecision: 'implicitDeny', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } });
  });

  it('is NoSuchEntity for an unknown principal', async () => {
    const e = await sdkError(t.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${t.accountId}:user/ghost`, ActionNames: ['iam:GetUser'] })));
    expect(e).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('needs iam:SimulatePrincipalPolicy', async () => {
    const u = addUser(t, 'curious');
    const e = await sdkError(t.iamAs(u.keys).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: u.arn, ActionNames: ['iam:GetUser'] })));
    expect(e.message).toBe(`User: ${u.arn} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${u.arn} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`);
  });
});

describe('GetContextKeysFor*', () => {
  it('lists condition keys and policy variables of custom policies', async () => {
    const out = await t.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [FORCE_MFA] }));
    expect(out.ContextKeyNames).toEqual(['aws:username', 'aws:MultiFactorAuthPresent']);
  });

  it('lists the keys of a principal\'s policies', async () => {
    const u = addUser(t, 'keyed', { tagged: policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1', 'ec2:ResourceTag/team': 'x' } } }) });
    const out = await t.iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: u.arn }));
    expect(out.ContextKeyNames).toEqual(['aws:RequestedRegion', 'ec2:ResourceTag/team']);
  });
});
