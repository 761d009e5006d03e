// GET /api/session/capabilities: what IAM would let the signed-in principal change, from IAM's policy simulator when
// the caller may simulate, else from the policy engine over the caller's own policies, else unknown. Against the
// embedded endpoint's demo account (auditor, admin, a switched role, users made to lack the simulator or more), and
// against a fake IAM for what the simulator is asked and for its failures.
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES_RECHECK_MS } from '../src/services/capabilities/decide.ts';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { ACCOUNT, admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';
import type { FakeHandler } from './helpers/fake-aws.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint, Keys } from './helpers/iam-endpoint.ts';

type Browser = Awaited<ReturnType<typeof browser>>;
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
/** Lets a user simulate and read its own policies. */
const reads = { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:SimulatePrincipalPolicy'], Resource: '*' };

describe('against the embedded endpoint', () => {
  let endpoint: Endpoint;
  let h: Harness;
  const keys: Record<string, Keys> = {};

  /** A user of the root's making, with one inline policy and an access key. */
  async function userWith(name: string, document: string): Promise<Keys> {
    const root = endpoint.iamAs(endpoint.rootKeys);
    await root.send(new CreateUserCommand({ UserName: name }));
    await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'own', PolicyDocument: document }));
    const { AccessKey: key } = await root.send(new CreateAccessKeyCommand({ UserName: name }));
    return { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
  }

  beforeAll(async () => {
    endpoint = await startEndpoint('demo');
    h = createHarness(endpoint.makeClients, { deps: { demoIdentities: DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json')) } });
    // May read its own policies and create groups, but not simulate.
    keys.reader = await userWith('reader', policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:CreateGroup'], Resource: '*' }));
    // May create users, and neither simulate nor read anything.
    keys.blind = await userWith('blind', policy({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }));
    // May simulate and read; may create only users named dev-*.
    keys.dev = await userWith('dev', policy(reads, { Effect: 'Allow', Action: 'iam:CreateUser', Resource: 'arn:aws:iam::*:user/dev-*' }));
    // IAM User Guide, "Allows IAM users to rotate their own credentials programmatically and in the console", and
    // may read its own policies (not simulate).
    keys.self = await userWith('self', policy(
      { Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetAccountPasswordPolicy'], Resource: '*' },
      { Effect: 'Allow', Action: ['iam:*AccessKey*', 'iam:ChangePassword', 'iam:GetUser', 'iam:*ServiceSpecificCredential*', 'iam:*SigningCertificate*'], Resource: ['arn:aws:iam::*:user/${aws:username}'] },
      { Effect: 'Allow', Action: ['iam:ListGroupsForUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:GetUserPolicy'], Resource: ['arn:aws:iam::*:user/${aws:username}'] },
    ));
    // May do anything in IAM except: delete users (anywhere), create a role without the tag team=blue, delete
    // anything else without MFA (as the User Guide's Force_MFA denies with BoolIfExists).
    keys.denied = await userWith('denied', policy(
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestTag/team': 'blue' } } },
      { Effect: 'Deny', Action: 'iam:Delete*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
    ));
    // May do anything in IAM, with the User Guide's Force_MFA deny ("DenyAllExceptListedIfNoMFA").
    keys.forceMfa = await userWith('force-mfa', policy(
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ));
  });
  afterAll(async () => {
    h?.close();
    await endpoint?.close();
  });

  async function signedIn(body: object): Promise<Browser> {
    const b = await browser(h.app);
    expect((await b.signIn(body)).status).toBe(200);
    return b;
  }
  const capabilities = async (b: Browser) => {
    const res = await b.get('/api/session/capabilities');
    expect(res.status).toBe(200);
    return res.body as { basis: string; actions: Record<string, string> };
  };

  it('the auditor (SecurityAudit) may simulate: every change IAM refuses it is denied, the credential report allowed', async () => {
    const answer = await capabilities(await signedIn({ demoIdentity: 'auditor' }));
    expect(answer.basis).toBe('simulator');
    for (const action of ['iam:CreateUser', 'iam:DeleteUser', 'iam:CreateRole', 'iam:DeletePolicy', 'iam:AttachUserPolicy', 'iam:TagUser', 'iam:UpdateAccountPasswordPolicy']) {
      expect(answer.actions[action], action).toBe('denied');
    }
    expect(answer.actions['iam:GenerateCredentialReport']).toBe('allowed');
  });

  it('the admin is allowed every change', async () => {
    const answer = await capabilities(await signedIn({ demoIdentity: 'admin' }));
    expect(answer.basis).toBe('simulator');
    expect(Object.values(answer.actions).every((c) => c === 'allowed')).toBe(true);
  });

  it('a caller who may not simulate gets the policy engine’s answer over the policies it can read', async () => {
    const answer = await capabilities(await signedIn(keys.reader!));
    expect(answer.basis).toBe('policies');
    expect(answer.actions['iam:CreateGroup']).toBe('allowed');
    expect(answer.actions['iam:CreateUser']).toBe('denied');
    expect(answer.actions['iam:DeleteGroup']).toBe('denied');
  });

  it('a caller who may neither simulate nor read its own policies gets unknown for every action', async () => {
    const answer = await capabilities(await signedIn(keys.blind!));
    expect(answer.basis).toBe('unknown');
    expect(Object.values(answer.actions).every((c) => c === 'unknown')).toBe(true);
  });

  it('a permission scoped to some resources keeps its control: not denied, while what no policy allows is', async () => {
    const answer = await capabilities(await signedIn(keys.dev!));
    expect(answer.basis).toBe('simulator');
    expect(answer.actions['iam:CreateUser']).toBe('unknown');
    expect(answer.actions['iam:DeleteRole']).toBe('denied');
    expect(answer.actions['iam:DeleteUser']).toBe('denied');
  });

  it('the User Guide’s own-credentials policy (on user/${aws:username}) keeps Create access key, from the policies alone', async () => {
    const answer = await capabilities(await signedIn(keys.self!));
    expect(answer.basis).toBe('policies');
    for (const action of ['iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']) expect(answer.actions[action], action).toBe('unknown');
    for (const action of ['iam:CreateUser', 'iam:DeleteUser', 'iam:CreateLoginProfile']) expect(answer.actions[action], action).toBe('denied');
    // No resource but `*` exists for it, and no statement of the caller covers `*`.
    expect(answer.actions['iam:UpdateAccountPasswordPolicy']).toBe('denied');
  });

  it('a Deny on every resource is denied; one that depends on the request is not; one on MFA follows this session', async () => {
    const answer = await capabilities(await signedIn(keys.denied!));
    expect(answer.basis).toBe('simulator');
    expect(answer.actions['iam:CreateUser']).toBe('allowed');
    expect(answer.actions['iam:DeleteUser']).toBe('denied');
    // Refused on `*` without tags, yet a role tagged team=blue may be created.
    expect(answer.actions['iam:CreateRole']).toBe('unknown');
    // A session signed in with an access key carries no MFA: every call it makes is refused, as simulated for it.
    expect(answer.actions['iam:DeleteRole']).toBe('denied');
    expect(answer.actions['iam:DeleteGroup']).toBe('denied');
  });

  it('Force_MFA without MFA refuses the simulator and the policy reads too: unknown, every control stays', async () => {
    const answer = await capabilities(await signedIn(keys.forceMfa!));
    expect(answer.basis).toBe('unknown');
    expect(Object.values(answer.actions).every((c) => c === 'unknown')).toBe(true);
  });

  it('is kept for a few minutes per session, then asked again', async () => {
    const b = await signedIn(keys.reader!);
    expect((await capabilities(b)).actions['iam:CreateUser']).toBe('denied');
    await endpoint.iamAs(endpoint.rootKeys).send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'users', PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }) }));
    expect((await capabilities(b)).actions['iam:CreateUser']).toBe('denied');
    h.clock.advance(CAPABILITIES_RECHECK_MS);
    expect((await capabilities(b)).actions['iam:CreateUser']).toBe('allowed');
  });

  it('follows a switch to a role (simulated as the role) and the way back', async () => {
    const b = await signedIn({ demoIdentity: 'admin' });
    expect((await capabilities(b)).actions['iam:CreateUser']).toBe('allowed');
    expect((await b.post('/api/switch-role', { account: endpoint.accountId, roleName: 'DeveloperReadOnly' })).status).toBe(200);
    const asRole = await capabilities(b);
    expect(asRole.basis).toBe('simulator');
    expect(asRole.actions['iam:CreateUser']).toBe('denied');
    expect((await b.delete('/api/switch-role')).status).toBe(200);
    expect((await capabilities(b)).actions['iam:CreateUser']).toBe('allowed');
  });

  it('is refused without a sign-in', async () => {
    const b = await browser(h.app);
    expect((await b.get('/api/session/capabilities')).status).toBe(401);
  });
});

describe('against a fake IAM', () => {
  const { handlers } = signInHandlers([admin]);
  const simulatorSays = (decide: (action: string) => string): FakeHandler => (input) => ({
    EvaluationResults: (input.ActionNames as string[]).map((a) => ({ EvalActionName: a, EvalResourceName: '*', EvalDecision: decide(a) })),
    IsTruncated: false,
  });

  /** alice's own policies as IAM lists them: one inline policy, no groups, nothing attached. */
  const ownPolicy = (document: string): Record<string, FakeHandler> => ({
    GetUser: () => ({ User: { UserName: 'alice', Arn: admin.arn, UserId: 'AIDAALICE', Path: '/', CreateDate: new Date() } }),
    ListGroupsForUser: () => ({ Groups: [], IsTruncated: false }),
    ListAttachedUserPolicies: () => ({ AttachedPolicies: [], IsTruncated: false }),
    ListUserPolicies: () => ({ PolicyNames: ['own'], IsTruncated: false }),
    GetUserPolicy: () => ({ UserName: 'alice', PolicyName: 'own', PolicyDocument: encodeURIComponent(document) }),
  });

  async function ask(extra: Record<string, FakeHandler>) {
    const fake = fakeAws({ ...handlers, ...extra });
    const h = createHarness(fake.makeClients);
    try {
      const b = await browser(h.app);
      expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
      const res = await b.get('/api/session/capabilities');
      return { res, calls: fake.calls };
    } finally {
      h.close();
    }
  }

  it('asks the simulator about the caller’s own ARN and takes only "allowed" as allowed', async () => {
    const { res, calls } = await ask({
      SimulatePrincipalPolicy: simulatorSays((a) => (a === 'iam:CreateUser' ? 'allowed' : a === 'iam:DeleteUser' ? 'explicitDeny' : 'implicitDeny')),
      ...ownPolicy(policy({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' })),
    });
    expect(res.status).toBe(200);
    expect(res.body.basis).toBe('simulator');
    expect(res.body.actions['iam:CreateUser']).toBe('allowed');
    expect(res.body.actions['iam:DeleteUser']).toBe('denied');
    expect(res.body.actions['iam:CreateRole']).toBe('denied');
    const simulate = calls.find((c) => c.command === 'SimulatePrincipalPolicy');
    expect(simulate?.input.PolicySourceArn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(simulate?.input.ActionNames).toContain('iam:CreateUser');
  });

  it('a refusal on `*` with policies that cannot be read: unknown (the control stays), an allow stays allowed', async () => {
    const { res, calls } = await ask({
      SimulatePrincipalPolicy: simulatorSays((a) => (a === 'iam:CreateUser' ? 'allowed' : a === 'iam:DeleteUser' ? 'explicitDeny' : 'implicitDeny')),
      GetUser: () => {
        throw awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:GetUser', 403);
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.basis).toBe('simulator');
    expect(res.body.actions['iam:CreateUser']).toBe('allowed');
    expect(res.body.actions['iam:DeleteUser']).toBe('unknown');
    expect(res.body.actions['iam:CreateRole']).toBe('unknown');
    expect(calls.some((c) => c.command === 'GetUser')).toBe(true);
  });

  it('every action allowed: the caller’s policies are not read', async () => {
    const { res, calls } = await ask({ SimulatePrincipalPolicy: simulatorSays(() => 'allowed') });
    expect(res.status).toBe(200);
    expect(Object.values(res.body.actions as Record<string, string>).every((c) => c === 'allowed')).toBe(true);
    expect(calls.some((c) => c.command === 'GetUser')).toBe(false);
  });

  it('a simulator refusal and a refused read of the caller’s own user: unknown', async () => {
    const refused = () => {
      throw awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:SimulatePrincipalPolicy', 403);
    };
    const { res } = await ask({ SimulatePrincipalPolicy: refused, GetUser: refused });
    expect(res.status).toBe(200);
    expect(res.body.basis).toBe('unknown');
    expect(res.body.actions['iam:CreateUser']).toBe('unknown');
  });

  it('an IAM failure that is no refusal is an error, with AWS’s code and request id', async () => {
    const { res } = await ask({
      SimulatePrincipalPolicy: () => {
        throw awsError('ServiceFailure', 'The request processing has failed because of an unknown error.', 500);
      },
    });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('ServiceFailure');
    expect(res.body.error.requestId).toMatch(/^req-ServiceFailure-/);
  });
});
