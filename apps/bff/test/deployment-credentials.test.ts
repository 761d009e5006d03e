// Deployment credentials against the real embedded endpoint seeded with the demo account, signed in as its admin:
// exactly the documented resources are made (user, policy where its size puts it, one key; or the role with its
// trust policy), a failed step leaves nothing behind, and "Check credentials" signs with what was made.
import {
  CreateAccessKeyCommand, CreatePolicyCommand, DeleteAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, GetRoleCommand, GetUserCommand,
  ListAccessKeysCommand, ListAttachedRolePoliciesCommand, ListAttachedUserPoliciesCommand, ListPoliciesCommand,
  ListRolePoliciesCommand, ListUserPoliciesCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { ADMINISTRATOR_ACCESS_ARN, DEPLOYMENT_TOOLS } from '@iam-console/api-contract/deployment-tools.ts';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let rootIam: IAMClient;
let b: Awaited<ReturnType<typeof browser>>;

const documentOf = (tool: 'sst' | 'amplify' | 'up') => {
  const policy = DEPLOYMENT_TOOLS[tool].policy;
  if (policy?.kind !== 'document') throw new Error(`${tool} publishes a document`);
  return policy.document;
};

const exists = async (check: Promise<unknown>) => check.then(() => true, (err: { name?: string }) => {
  if (err.name === 'NoSuchEntityException' || err.name === 'NoSuchEntity') return false;
  throw err;
});

async function userResources(userName: string) {
  const [inline, attached, keys] = await Promise.all([
    rootIam.send(new ListUserPoliciesCommand({ UserName: userName })),
    rootIam.send(new ListAttachedUserPoliciesCommand({ UserName: userName })),
    rootIam.send(new ListAccessKeysCommand({ UserName: userName })),
  ]);
  return {
    inline: inline.PolicyNames ?? [],
    attached: (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn),
    keys: (keys.AccessKeyMetadata ?? []).map((k) => k.AccessKeyId),
  };
}

async function customerPolicyNamed(name: string) {
  const out = await rootIam.send(new ListPoliciesCommand({ Scope: 'Local' }));
  return (out.Policies ?? []).find((p) => p.PolicyName === name);
}

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  const demo = DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json'));
  h = createHarness(endpoint.makeClients, { deps: { demoIdentities: demo } });
  rootIam = endpoint.iamAs(endpoint.rootKeys);
  b = await browser(h.app, { checkAnswers: true });
  const res = await b.signIn({ demoIdentity: 'admin' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('a new IAM user for a deployment tool', () => {
  it('Up: the user, its policy inline (800 characters), one key; the key signs GetCallerIdentity', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'up', userName: 'up-deployer', permissions: { policyName: 'up-deployer-policy', policyDocument: documentOf('up') } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.policy).toEqual({ placement: 'inline', policyName: 'up-deployer-policy' });
    expect(res.body.accessKey.secretAccessKey).toMatch(/.{20,}/);
    expect(await userResources('up-deployer')).toEqual({ inline: ['up-deployer-policy'], attached: [], keys: [res.body.accessKey.accessKeyId] });
    expect(await customerPolicyNamed('up-deployer-policy')).toBeUndefined();

    const check = await b.post('/api/deployment-credentials/check', { accessKeyId: res.body.accessKey.accessKeyId });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body).toEqual({ account: endpoint.accountId, arn: res.body.userArn, userId: expect.any(String) });
  });

  it('Amplify CLI: a policy over 2,048 characters becomes a customer managed policy attached to the user', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'amplify', userName: 'amplify-cli-user', permissions: { policyName: 'amplify-cli-user-policy', policyDocument: documentOf('amplify') } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const arn = `arn:aws:iam::${endpoint.accountId}:policy/amplify-cli-user-policy`;
    expect(res.body.policy).toEqual({ placement: 'customer-managed', policyName: 'amplify-cli-user-policy', policyArn: arn });
    expect(await userResources('amplify-cli-user')).toEqual({ inline: [], attached: [arn], keys: [res.body.accessKey.accessKeyId] });
  });

  it('SST: its 6 kB policy is customer managed too', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'sst', userName: 'sst-deployer', permissions: { policyName: 'sst-deployer-policy', policyDocument: documentOf('sst') } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.policy.placement).toBe('customer-managed');
    expect((await userResources('sst-deployer')).attached).toEqual([res.body.policy.policyArn]);
  });

  it('Serverless Framework: the AWS managed AdministratorAccess attached, no policy created', async () => {
    const before = (await rootIam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.length;
    const res = await b.post('/api/deployment-credentials/users', { tool: 'serverless', userName: 'serverless-agent', permissions: { managedPolicyArn: ADMINISTRATOR_ACCESS_ARN } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.policy).toEqual({ placement: 'aws-managed', policyName: 'AdministratorAccess', policyArn: ADMINISTRATOR_ACCESS_ARN });
    expect(await userResources('serverless-agent')).toEqual({ inline: [], attached: [ADMINISTRATOR_ACCESS_ARN], keys: [res.body.accessKey.accessKeyId] });
    expect((await rootIam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.length).toBe(before);
  });

  it('a failed policy step undoes the user: nothing is left', async () => {
    await rootIam.send(new CreatePolicyCommand({ PolicyName: 'TakenName', PolicyDocument: documentOf('up') }));
    const res = await b.post('/api/deployment-credentials/users', { tool: 'amplify', userName: 'half-made', permissions: { policyName: 'TakenName', policyDocument: documentOf('amplify') } });
    expect(res.status).toBe(409);
    expect(res.body.error.failedStep).toBe('Create policy TakenName');
    expect(res.body.error.message).toContain('The earlier steps were undone; nothing was kept.');
    expect(await exists(rootIam.send(new GetUserCommand({ UserName: 'half-made' })))).toBe(false);
  });

  it('a failed attach undoes the policy it created and the user', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'custom', userName: 'no-such-policy', permissions: { managedPolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' } });
    expect(res.status).toBe(404);
    expect(res.body.error.failedStep).toBe('Attach policy arn:aws:iam::aws:policy/NoSuchPolicy');
    expect(await exists(rootIam.send(new GetUserCommand({ UserName: 'no-such-policy' })))).toBe(false);
  });

  it('a key deleted since is refused with AWS’s code and what it can mean', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'up', userName: 'deleted-key', permissions: { policyName: 'deleted-key-policy', policyDocument: documentOf('up') } });
    const accessKeyId = res.body.accessKey.accessKeyId as string;
    await rootIam.send(new DeleteAccessKeyCommand({ UserName: 'deleted-key', AccessKeyId: accessKeyId }));
    const check = await b.post('/api/deployment-credentials/check', { accessKeyId });
    expect(check.status).toBe(403);
    expect(check.body.error.code).toBe('InvalidClientTokenId');
    expect(check.body.error.message).toMatch(/^AWS does not accept access key .*check again shortly\. If it still fails, the key was deactivated or deleted\.$/);
    // The refusal is about the checked key: the console session goes on.
    expect((await b.get('/api/session')).body.signedIn).toBe(true);
  });

  it('checks only keys this session made: another key is not found, and no secret is taken from the request', async () => {
    const other = await b.post('/api/deployment-credentials/check', { accessKeyId: endpoint.rootKeys.accessKeyId });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NotFound');
    const withSecret = await b.post('/api/deployment-credentials/check', { accessKeyId: endpoint.rootKeys.accessKeyId, secretAccessKey: endpoint.rootKeys.secretAccessKey });
    expect(withSecret.status).toBe(400);
  });

  it('a key id that names an Object.prototype member is not found either (not a 500)', async () => {
    // 16 characters of \w: valid access key ids by the API's pattern.
    for (const accessKeyId of ['__defineGetter__', '__lookupSetter__', 'propertyIsEnumerable']) {
      const res = await b.post('/api/deployment-credentials/check', { accessKeyId });
      expect(res.status, accessKeyId).toBe(404);
      expect(res.body.error.code).toBe('NotFound');
    }
  });

  it('records each change in the audit log with its target, and never logs a secret', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'up', userName: 'audited-deployer', permissions: { policyName: 'audited-policy', policyDocument: documentOf('up') } });
    expect(res.status).toBe(201);
    await b.post('/api/deployment-credentials/check', { accessKeyId: res.body.accessKey.accessKeyId });
    const entries = h.auditLog.list({ limit: 1000 }).map((e) => `${e.operation} ${e.target} ${e.result}`);
    expect(entries).toEqual(expect.arrayContaining([
      'CreateDeploymentUser audited-deployer success',
      `CheckDeploymentCredentials ${res.body.accessKey.accessKeyId} success`,
      'CreateDeploymentUser half-made failure',
    ]));
    expect(h.logs.join('\n')).not.toContain(res.body.accessKey.secretAccessKey);
  });

  it('refuses a policy document that is not JSON before any change', async () => {
    const res = await b.post('/api/deployment-credentials/users', { tool: 'custom', userName: 'bad-json', permissions: { policyName: 'Bad', policyDocument: '{ nope' } });
    expect(res.status).toBe(400);
    expect(await exists(rootIam.send(new GetUserCommand({ UserName: 'bad-json' })))).toBe(false);
  });
});

describe('undone when IAM refuses a later step', () => {
  /** A user who may make users and policies but not every later step: signed in with its own key. */
  async function limitedAdmin(name: string, denied: string) {
    await rootIam.send(new CreateUserCommand({ UserName: name }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: denied, Resource: '*' }] };
    await rootIam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'all-but-one', PolicyDocument: JSON.stringify(policy) }));
    const key = (await rootIam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const limited = await browser(h.app, { checkAnswers: true });
    const res = await limited.signIn({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return limited;
  }

  it('attach refused: the customer managed policy it created and the user are deleted', async () => {
    const limited = await limitedAdmin('no-attach', 'iam:AttachUserPolicy');
    const res = await limited.post('/api/deployment-credentials/users', { tool: 'amplify', userName: 'attach-refused', permissions: { policyName: 'attach-refused-policy', policyDocument: documentOf('amplify') } });
    expect(res.status).toBe(403);
    expect(res.body.error.failedStep).toBe('Attach policy attach-refused-policy');
    expect(res.body.error.message).toContain('The earlier steps were undone; nothing was kept.');
    expect(await customerPolicyNamed('attach-refused-policy')).toBeUndefined();
    expect(await exists(rootIam.send(new GetUserCommand({ UserName: 'attach-refused' })))).toBe(false);
  });

  it('access key refused: the policy is detached and deleted and the user deleted', async () => {
    const limited = await limitedAdmin('no-keys', 'iam:CreateAccessKey');
    const res = await limited.post('/api/deployment-credentials/users', { tool: 'sst', userName: 'key-refused', permissions: { policyName: 'key-refused-policy', policyDocument: documentOf('sst') } });
    expect(res.status).toBe(403);
    expect(res.body.error.failedStep).toBe('Create access key');
    expect(res.body.error.message).toContain('The earlier steps were undone; nothing was kept.');
    expect(await customerPolicyNamed('key-refused-policy')).toBeUndefined();
    expect(await exists(rootIam.send(new GetUserCommand({ UserName: 'key-refused' })))).toBe(false);
  });

  it('an inline policy refused: the role is deleted', async () => {
    const limited = await limitedAdmin('no-role-policy', 'iam:PutRolePolicy');
    const res = await limited.post('/api/deployment-credentials/roles', {
      tool: 'up', roleName: 'inline-refused', permissions: { policyName: 'inline-refused-policy', policyDocument: documentOf('up') }, trustedAccountId: endpoint.accountId, requireMfa: false,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.failedStep).toBe('Add inline policy inline-refused-policy');
    expect(await exists(rootIam.send(new GetRoleCommand({ RoleName: 'inline-refused' })))).toBe(false);
  });
});

describe('a role for another AWS account', () => {
  const externalId = 'devcorp-7f3a';
  let roleArn = '';
  let serialNumber = '';
  let code: (steps: number) => string;

  beforeAll(async () => {
    // The trusted account is the console's own here: the signed-in admin assumes the role as a developer would.
    const res = await b.post('/api/deployment-credentials/roles', {
      tool: 'amplify', roleName: 'bizcorp-amplify', permissions: { policyName: 'bizcorp-amplify-policy', policyDocument: documentOf('amplify') },
      trustedAccountId: endpoint.accountId, externalId, requireMfa: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    roleArn = res.body.roleArn;
    const device = (await rootIam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'admin-deploy' }))).VirtualMFADevice!;
    const secret = Secret.fromBase32(Buffer.from(device.Base32StringSeed!).toString('utf8'));
    code = (steps: number) => TOTP.generate({ secret, timestamp: Date.now() + steps * 30_000 });
    serialNumber = device.SerialNumber!;
    await rootIam.send(new EnableMFADeviceCommand({ UserName: 'admin', SerialNumber: serialNumber, AuthenticationCode1: code(-2), AuthenticationCode2: code(-1) }));
  });

  it('creates the role trusting the account with sts:ExternalId and aws:MultiFactorAuthPresent, its policy attached', async () => {
    const role = (await rootIam.send(new GetRoleCommand({ RoleName: 'bizcorp-amplify' }))).Role!;
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${endpoint.accountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }],
    });
    const attached = await rootIam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'bizcorp-amplify' }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['bizcorp-amplify-policy']);
    expect((await rootIam.send(new ListRolePoliciesCommand({ RoleName: 'bizcorp-amplify' }))).PolicyNames).toEqual([]);
  });

  it('refuses the check without the external ID, and without MFA', async () => {
    const noExternalId = await b.post('/api/deployment-credentials/check', { roleArn, mfa: { serialNumber, code: code(0) } });
    expect(noExternalId.status).toBe(403);
    const noMfa = await b.post('/api/deployment-credentials/check', { roleArn, externalId });
    expect(noMfa.status).toBe(403);
    expect(noMfa.body.error.code).toBe('AccessDenied');
  });

  it('with both, the role session signs GetCallerIdentity', async () => {
    // The next code: IAM takes each code once, and the refusal above used the current one.
    const res = await b.post('/api/deployment-credentials/check', { roleArn, externalId, mfa: { serialNumber, code: code(1) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.arn).toBe(`arn:aws:sts::${endpoint.accountId}:assumed-role/bizcorp-amplify/deployment-credentials-check`);
  });

  it('a role name already taken fails at its first step and changes nothing', async () => {
    const before = await customerPolicyNamed('Another');
    const res = await b.post('/api/deployment-credentials/roles', {
      tool: 'up', roleName: 'bizcorp-amplify', permissions: { policyName: 'Another', policyDocument: documentOf('up') }, trustedAccountId: endpoint.accountId, requireMfa: false,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.failedStep).toBe('Create role');
    expect(before).toBeUndefined();
    expect((await rootIam.send(new ListRolePoliciesCommand({ RoleName: 'bizcorp-amplify' }))).PolicyNames).toEqual([]);
  });
});
