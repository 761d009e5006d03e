// SimulateCustomPolicy with a role's trust policy as ResourcePolicy: weighed as AssumeRole weighs it. The trust
// policy must allow even when the identity policies do; its conditions (ExternalId, MFA, source identity, role
// session name) and its principal decide; a caller of another account needs its own allow as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulateCustomPolicyCommand, type ContextEntry } from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, policy, type TestUser } from './helpers/fixtures.ts';

let t: TestServer;
let alice: TestUser;
beforeAll(async () => {
  t = await startTestServer();
  alice = addUser(t, 'alice');
});
afterAll(() => t.close());

const ALLOW_ASSUME = policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
const ALLOW_OTHER = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const entry = (name: string, value: string, type: 'string' | 'boolean' = 'string'): ContextEntry => ({ ContextKeyName: name, ContextKeyValues: [value], ContextKeyType: type });

async function decide(options: { trust: string; identity?: string; caller?: string; context?: ContextEntry[] }) {
  const { EvaluationResults } = await t.iam.send(
    new SimulateCustomPolicyCommand({
      PolicyInputList: [options.identity ?? ALLOW_ASSUME],
      ResourcePolicy: options.trust,
      CallerArn: options.caller ?? alice.arn,
      ActionNames: ['sts:AssumeRole'],
      ResourceArns: [`arn:aws:iam::${t.accountId}:role/target`],
      ContextEntries: options.context ?? [],
    }),
  );
  const result = EvaluationResults?.[0];
  return { decision: result?.EvalDecision, missing: result?.MissingContextValues ?? [] };
}

const trustFor = (principal: object, condition?: object) =>
  policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describe('a trust policy as ResourcePolicy', () => {
  it('decides on its conditions even when the identity policy allows', async () => {
    const externalId = trustFor({ AWS: alice.arn }, { StringEquals: { 'sts:ExternalId': 'Unicorn-42' } });
    expect(await decide({ trust: externalId, context: [entry('sts:ExternalId', 'Unicorn-42')] })).toMatchObject({ decision: 'allowed' });
    expect(await decide({ trust: externalId, context: [entry('sts:ExternalId', 'wrong')] })).toMatchObject({ decision: 'implicitDeny' });
    expect(await decide({ trust: externalId })).toEqual({ decision: 'implicitDeny', missing: ['sts:ExternalId'] });

    const mfa = trustFor({ AWS: alice.arn }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect((await decide({ trust: mfa, context: [entry('aws:MultiFactorAuthPresent', 'true', 'boolean')] })).decision).toBe('allowed');
    expect((await decide({ trust: mfa, context: [entry('aws:MultiFactorAuthPresent', 'false', 'boolean')] })).decision).toBe('implicitDeny');

    const sourceIdentity = trustFor({ AWS: alice.arn }, { StringEquals: { 'sts:SourceIdentity': 'alice' } });
    expect((await decide({ trust: sourceIdentity, context: [entry('sts:SourceIdentity', 'alice')] })).decision).toBe('allowed');
    expect((await decide({ trust: sourceIdentity, context: [entry('sts:SourceIdentity', 'mallory')] })).decision).toBe('implicitDeny');

    const sessionName = trustFor({ AWS: `arn:aws:iam::${t.accountId}:root` }, { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } });
    expect((await decide({ trust: sessionName, context: [entry('sts:RoleSessionName', 'alice')] })).decision).toBe('allowed');
    expect((await decide({ trust: sessionName, context: [entry('sts:RoleSessionName', 'bob')] })).decision).toBe('implicitDeny');
  });

  it('decides on its principal: the caller named, its account (with an identity allow), or nobody it knows', async () => {
    expect((await decide({ trust: trustFor({ AWS: alice.arn }), identity: ALLOW_OTHER })).decision).toBe('allowed');
    expect((await decide({ trust: trustFor({ AWS: t.accountId }), identity: ALLOW_OTHER })).decision).toBe('implicitDeny');
    expect((await decide({ trust: trustFor({ AWS: t.accountId }) })).decision).toBe('allowed');
    expect((await decide({ trust: trustFor({ AWS: `arn:aws:iam::${t.accountId}:user/bob` }) })).decision).toBe('implicitDeny');
    expect((await decide({ trust: trustFor({ Service: 'ec2.amazonaws.com' }) })).decision).toBe('implicitDeny');
  });

  it('a caller of another account needs both the trust policy and its own allow', async () => {
    const outsider = 'arn:aws:iam::111122223333:user/outsider';
    expect((await decide({ trust: trustFor({ AWS: outsider }), caller: outsider, identity: ALLOW_OTHER })).decision).toBe('implicitDeny');
    expect((await decide({ trust: trustFor({ AWS: outsider }), caller: outsider })).decision).toBe('allowed');
  });
});
