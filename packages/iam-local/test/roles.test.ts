// Roles over HTTP: trust policy validation, session duration, description, update, delete, RoleLastUsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const trust = (principal: unknown) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const TRUST = trust({ AWS: 'arn:aws:iam::111122223333:root' });

describe('roles', () => {
  it('creates a role and returns the trust policy URL-encoded', async () => {
    const { Role } = await t.iam.send(
      new CreateRoleCommand({ RoleName: 'auditor', Path: '/audit/', AssumeRolePolicyDocument: TRUST, Description: 'reads', MaxSessionDuration: 7200 }),
    );
    expect(Role).toMatchObject({ RoleName: 'auditor', Arn: `arn:aws:iam::${t.accountId}:role/audit/auditor` });
    // AWS answers CreateRole without the description, session duration or last use it was given (localstack's
    // recorded snapshots, test_iam_roles); GetRole has them.
    expect(Object.keys(Role ?? {}).sort()).toEqual(['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName']);
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
    const got = await t.iam.send(new GetRoleCommand({ RoleName: 'AUDITOR' }));
    expect(got.Role).toMatchObject({ RoleName: 'auditor', Description: 'reads', MaxSessionDuration: 7200, RoleLastUsed: {} });
    expect((await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'Auditor', AssumeRolePolicyDocument: TRUST })))).message).toBe(
      'Role with name Auditor already exists.',
    );
  });

  it('validates the trust policy and session duration', async () => {
    const missing = await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: undefined as unknown as string })));
    expect(missing.message).toBe("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null");
    expect(await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: '{not json' })))).toEqual({
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'This policy contains invalid Json',
    });
    const withResource = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }] });
    expect((await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: withResource })))).name).toBe(
      'MalformedPolicyDocumentException',
    );
    const short = await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 3599 })));
    expect(short.message).toContain('Member must have value greater than or equal to 3600');
    const long = await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 43201 })));
    expect(long.message).toContain('Member must have value less than or equal to 43200');
    const big = trust({ AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`) });
    expect(await awsError(t.iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: big })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
    expect((await awsError(t.iam.send(new GetRoleCommand({ RoleName: 'x' })))).message).toBe('The role with name x cannot be found.');
  });

  it('updates description, duration and trust policy', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: TRUST }));
    await t.iam.send(new UpdateRoleCommand({ RoleName: 'deployer', MaxSessionDuration: 43200 }));
    const described = await t.iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'deployer', Description: 'ships code' }));
    expect(described.Role).toMatchObject({ RoleName: 'deployer', Description: 'ships code' });
    expect(Object.keys(described.Role ?? {}).sort()).toEqual(['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Description', 'Path', 'RoleId', 'RoleName']);
    expect((await t.iam.send(new GetRoleCommand({ RoleName: 'deployer' }))).Role).toMatchObject({ Description: 'ships code', MaxSessionDuration: 43200 });
    const newTrust = trust({ Service: 'ec2.amazonaws.com' });
    await t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'deployer', PolicyDocument: newTrust }));
    const { Role } = await t.iam.send(new GetRoleCommand({ RoleName: 'deployer' }));
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(newTrust));
    expect((await awsError(t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'deployer', PolicyDocument: '[]' })))).name).toBe(
      'MalformedPolicyDocumentException',
    );
    expect((await awsError(t.iam.send(new UpdateRoleCommand({ RoleName: 'ghost', Description: 'd' })))).status).toBe(404);
  });

  it('lists roles by path with pagination', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'svc-b', Path: '/svc/', AssumeRolePolicyDocument: TRUST }));
    await t.iam.send(new CreateRoleCommand({ RoleName: 'svc-a', Path: '/svc/', AssumeRolePolicyDocument: TRUST }));
    const page = await t.iam.send(new ListRolesCommand({ PathPrefix: '/svc/', MaxItems: 1 }));
    expect(page.Roles?.map((r) => r.RoleName)).toEqual(['svc-a']);
    const next = await t.iam.send(new ListRolesCommand({ PathPrefix: '/svc/', Marker: page.Marker }));
    expect(next.Roles?.map((r) => r.RoleName)).toEqual(['svc-b']);
    expect(next.IsTruncated).toBe(false);
  });

  it('refuses DeleteRole while policies remain', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'temp', AssumeRolePolicyDocument: TRUST }));
    await t.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'temp',
        PolicyName: 'inline',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
      }),
    );
    await t.iam.send(new AttachRolePolicyCommand({ RoleName: 'temp', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect((await awsError(t.iam.send(new DeleteRoleCommand({ RoleName: 'temp' })))).message).toBe('Cannot delete entity, must delete policies first.');
    await t.iam.send(new DeleteRolePolicyCommand({ RoleName: 'temp', PolicyName: 'inline' }));
    expect((await awsError(t.iam.send(new DeleteRoleCommand({ RoleName: 'temp' })))).message).toBe(
      'Cannot delete entity, must detach all policies first.',
    );
    await t.iam.send(new DetachRolePolicyCommand({ RoleName: 'temp', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await t.iam.send(new DeleteRoleCommand({ RoleName: 'temp' }));
    expect((await awsError(t.iam.send(new DeleteRoleCommand({ RoleName: 'temp' })))).name).toBe('NoSuchEntityException');
  });
});
