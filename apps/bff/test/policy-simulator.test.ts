// The policy simulator against the embedded endpoint (demo seed): SimulatePrincipalPolicy for many actions as the
// signed-in caller, IAM weighing the principal's group policies and boundary itself; every answer is checked
// against the contract by browser(). Bob (Force_MFA, signed in without MFA) is refused with the permission named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { readProfile, startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let h: Harness;
let admin: Awaited<ReturnType<typeof browser>>;
let bob: Awaited<ReturnType<typeof browser>>;
const arns = new Map<string, string>();

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  h = createHarness(endpoint.makeClients);
  admin = await browser(h.app);
  expect((await admin.signIn(readProfile(endpoint.credentialsFile, 'admin'))).status).toBe(200);
  bob = await browser(h.app);
  expect((await bob.signIn(readProfile(endpoint.credentialsFile, 'bob'))).status).toBe(200);
  const users = await admin.get('/api/users');
  for (const u of users.body.items as { userName: string; arn: string }[]) arns.set(u.userName, u.arn);
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

const simulate = (caller: typeof admin, body: object) => caller.post('/api/policy-simulator', body);

describe('POST /api/policy-simulator', () => {
  it('allows the admin everything it simulates, naming AdministratorAccess', async () => {
    const res = await simulate(admin, { principalArn: arns.get('admin'), actionNames: ['iam:CreateUser', 'ec2:RunInstances'] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { action: string; decision: string; resource: string }) => [r.action, r.decision, r.resource])).toEqual([
      ['iam:CreateUser', 'allowed', '*'],
      ['ec2:RunInstances', 'allowed', '*'],
    ]);
    expect(res.body.results[0].matchedStatements).toEqual([expect.objectContaining({ sourcePolicyId: 'AdministratorAccess', sourcePolicyType: 'aws-managed' })]);
    expect(res.body.results[0].why).toMatch(/^Allowed by AdministratorAccess/);
  });

  it('lets the SecurityAudit user read but not write: implicit deny with no statement named', async () => {
    const res = await simulate(admin, { principalArn: arns.get('auditor'), actionNames: ['iam:ListUsers', 'iam:CreateUser', 'iam:DeleteRole'] });
    expect(res.status).toBe(200);
    const byAction = Object.fromEntries(res.body.results.map((r: { action: string }) => [r.action, r]));
    expect(byAction['iam:ListUsers'].decision).toBe('allowed');
    expect(byAction['iam:ListUsers'].matchedStatements.map((s: { sourcePolicyId: string }) => s.sourcePolicyId)).toContain('SecurityAudit');
    for (const action of ['iam:CreateUser', 'iam:DeleteRole']) {
      expect(byAction[action]).toMatchObject({ decision: 'implicitDeny', matchedStatements: [], why: 'Implicitly denied: no statement in the principal’s policies allows it.' });
    }
  });

  it('shows the statement of an explicit deny: the Testers group may not assume UpdateApp', async () => {
    const account = arns.get('erin')!.split(':')[4];
    const res = await simulate(admin, { principalArn: arns.get('erin'), actionNames: ['sts:AssumeRole'], resourceArn: `arn:aws:iam::${account}:role/UpdateApp` });
    expect(res.status).toBe(200);
    const [row] = res.body.results;
    expect(row).toMatchObject({ decision: 'explicitDeny', resource: `arn:aws:iam::${account}:role/UpdateApp` });
    expect(row.matchedStatements).toEqual([
      expect.objectContaining({ sourcePolicyId: 'DenyAssumeUpdateApp', sourcePolicyType: 'user-managed', start: expect.objectContaining({ line: expect.any(Number) }) }),
    ]);
    expect(row.why).toMatch(/^Explicitly denied by DenyAssumeUpdateApp \(line \d+/);
  });

  it('weighs context entries: MFA present lifts bob’s Force_MFA deny, and missing keys are named without it', async () => {
    const without = await simulate(admin, { principalArn: arns.get('bob'), actionNames: ['ec2:DescribeInstances'] });
    expect(without.body.results[0].decision).toBe('explicitDeny');
    expect(without.body.results[0].missingContextValues).toContain('aws:MultiFactorAuthPresent');
    const withMfa = await simulate(admin, {
      principalArn: arns.get('bob'),
      actionNames: ['ec2:DescribeInstances'],
      contextEntries: [{ key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] }],
    });
    expect(withMfa.body.results[0].decision).toBe('allowed');
  });

  it('simulates more actions than one call takes, each once, in order', async () => {
    const actions = Array.from({ length: 120 }, (_, i) => `iam:Action${i}`);
    const res = await simulate(admin, { principalArn: arns.get('admin'), actionNames: [...actions, 'iam:Action0'] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { action: string }) => r.action)).toEqual(actions);
  });

  it('refuses wildcards, malformed actions and principals that are not a user or role before asking IAM', async () => {
    const wildcard = await simulate(admin, { principalArn: arns.get('admin'), actionNames: ['iam:*'] });
    expect(wildcard.status).toBe(400);
    expect(JSON.stringify(wildcard.body)).toContain('without wildcards');
    expect((await simulate(admin, { principalArn: arns.get('admin'), actionNames: ['ListUsers'] })).status).toBe(400);
    expect((await simulate(admin, { principalArn: arns.get('admin'), actionNames: [] })).status).toBe(400);
    expect((await simulate(admin, { principalArn: 'arn:aws:iam::123456789012:group/Admins', actionNames: ['iam:ListUsers'] })).status).toBe(400);
  });

  it('answers NoSuchEntity for a user that does not exist', async () => {
    const account = arns.get('admin')!.split(':')[4];
    const res = await simulate(admin, { principalArn: `arn:aws:iam::${account}:user/nobody`, actionNames: ['iam:ListUsers'] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NoSuchEntity');
  });

  it('explains AccessDenied: bob lacks iam:SimulatePrincipalPolicy, and the attempt is audited', async () => {
    const res = await simulate(bob, { principalArn: arns.get('bob'), actionNames: ['iam:ListUsers'] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AccessDenied');
    expect(res.body.error.message).toContain(`You lack iam:SimulatePrincipalPolicy on ${arns.get('bob')}`);
    const log = await admin.get('/api/audit-log?operation=SimulatePrincipalPolicy&result=failure');
    expect(log.body.items[0]).toMatchObject({ target: arns.get('bob'), errorCode: 'AccessDenied' });
  });
});
