// AWS checks a request against the API model before it authorizes the caller: a malformed request gets
// 400 ValidationError ("1 validation error detected: …") even from a caller who may call nothing at all.
// One case per operation in the table, sent through the real SDK by a user without any policy; an operation added
// to the table without a case here fails the coverage test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as iamSdk from '@aws-sdk/client-iam';
import * as stsSdk from '@aws-sdk/client-sts';
import { operations } from '../src/operations/index.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, sdkError } from './helpers/fixtures.ts';

/** A request with exactly one parameter breaking the model, and the member the message must name. */
interface Case {
  input: Record<string, unknown>;
  field: string;
}

const BAD_NAME = 'has spaces!';
const SHORT_ARN = 'arn:short';
const POLICY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const DOCUMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });

const user = (extra: Record<string, unknown> = {}): Case => ({ input: { UserName: BAD_NAME, ...extra }, field: 'userName' });
const group = (extra: Record<string, unknown> = {}): Case => ({ input: { GroupName: BAD_NAME, ...extra }, field: 'groupName' });
const role = (extra: Record<string, unknown> = {}): Case => ({ input: { RoleName: BAD_NAME, ...extra }, field: 'roleName' });
const profile = (extra: Record<string, unknown> = {}): Case => ({ input: { InstanceProfileName: BAD_NAME, ...extra }, field: 'instanceProfileName' });
const policyArn = (extra: Record<string, unknown> = {}): Case => ({ input: { PolicyArn: SHORT_ARN, ...extra }, field: 'policyArn' });
const maxItems = (extra: Record<string, unknown> = {}): Case => ({ input: { MaxItems: 0, ...extra }, field: 'maxItems' });

/** Inline and attached policy operations are the same seven per principal type. */
function principalPolicyCases(label: 'User' | 'Group' | 'Role', bad: (extra?: Record<string, unknown>) => Case): Record<string, Case> {
  return {
    [`Put${label}Policy`]: bad({ PolicyName: 'p', PolicyDocument: DOCUMENT }),
    [`Get${label}Policy`]: bad({ PolicyName: 'p' }),
    [`Delete${label}Policy`]: bad({ PolicyName: 'p' }),
    [`List${label}Policies`]: bad(),
    [`Attach${label}Policy`]: bad({ PolicyArn: POLICY_ARN }),
    [`Detach${label}Policy`]: bad({ PolicyArn: POLICY_ARN }),
    [`ListAttached${label}Policies`]: bad(),
  };
}

const CASES: Record<string, Case> = {
  CreateUser: user(),
  GetUser: user(),
  ListUsers: { input: { PathPrefix: 'no-leading-slash' }, field: 'pathPrefix' },
  UpdateUser: { input: { UserName: 'someone', NewUserName: BAD_NAME }, field: 'newUserName' },
  DeleteUser: user(),
  PutUserPermissionsBoundary: { input: { UserName: 'someone', PermissionsBoundary: SHORT_ARN }, field: 'permissionsBoundary' },
  DeleteUserPermissionsBoundary: user(),
  CreateGroup: { input: { GroupName: 'g', Path: `/${'p'.repeat(512)}/` }, field: 'path' },
  GetGroup: group(),
  ListGroups: maxItems(),
  UpdateGroup: group({ NewGroupName: 'g2' }),
  DeleteGroup: group(),
  AddUserToGroup: group({ UserName: 'someone' }),
  RemoveUserFromGroup: { input: { GroupName: 'g', UserName: BAD_NAME }, field: 'userName' },
  ListGroupsForUser: user(),
  CreateRole: role({ AssumeRolePolicyDocument: DOCUMENT }),
  GetRole: role(),
  ListRoles: maxItems(),
  UpdateRole: { input: { RoleName: 'r', MaxSessionDuration: 60 }, field: 'maxSessionDuration' },
  UpdateRoleDescription: { input: { RoleName: 'r', Description: 'x'.repeat(1001) }, field: 'description' },
  UpdateAssumeRolePolicy: role({ PolicyDocument: DOCUMENT }),
  DeleteRole: role(),
  PutRolePermissionsBoundary: role({ PermissionsBoundary: POLICY_ARN }),
  DeleteRolePermissionsBoundary: role(),
  CreateServiceLinkedRole: { input: { AWSServiceName: 'ecs.amazonaws.com', CustomSuffix: BAD_NAME }, field: 'customSuffix' },
  DeleteServiceLinkedRole: role(),
  GetServiceLinkedRoleDeletionStatus: { input: { DeletionTaskId: 'x'.repeat(1001) }, field: 'deletionTaskId' },
  CreateInstanceProfile: { input: { InstanceProfileName: 'p', Path: `/${'p'.repeat(512)}/` }, field: 'path' },
  GetInstanceProfile: profile(),
  ListInstanceProfiles: maxItems(),
  ListInstanceProfilesForRole: role(),
  AddRoleToInstanceProfile: profile({ RoleName: 'r' }),
  RemoveRoleFromInstanceProfile: { input: { InstanceProfileName: 'p', RoleName: BAD_NAME }, field: 'roleName' },
  DeleteInstanceProfile: profile(),
  TagInstanceProfile: profile({ Tags: [{ Key: 'k', Value: 'v' }] }),
  UntagInstanceProfile: profile({ TagKeys: ['k'] }),
  ListInstanceProfileTags: profile(),
  CreatePolicy: { input: { PolicyName: BAD_NAME, PolicyDocument: DOCUMENT }, field: 'policyName' },
  GetPolicy: policyArn(),
  ListPolicies: { input: { Scope: 'Everything' }, field: 'scope' },
  DeletePolicy: policyArn(),
  CreatePolicyVersion: policyArn({ PolicyDocument: DOCUMENT }),
  GetPolicyVersion: { input: { PolicyArn: POLICY_ARN, VersionId: 'x1' }, field: 'versionId' },
  ListPolicyVersions: policyArn(),
  DeletePolicyVersion: policyArn({ VersionId: 'v1' }),
  SetDefaultPolicyVersion: policyArn({ VersionId: 'v1' }),
  ListEntitiesForPolicy: { input: { PolicyArn: POLICY_ARN, EntityFilter: 'Everything' }, field: 'entityFilter' },
  ...principalPolicyCases('User', user),
  ...principalPolicyCases('Group', group),
  ...principalPolicyCases('Role', role),
  TagUser: user({ Tags: [{ Key: 'k', Value: 'v' }] }),
  UntagUser: user({ TagKeys: ['k'] }),
  ListUserTags: user(),
  TagRole: { input: { RoleName: 'r', Tags: [{ Key: 'bad key!', Value: 'v' }] }, field: 'tags.1.member.key' },
  UntagRole: role({ TagKeys: ['k'] }),
  ListRoleTags: role(),
  TagPolicy: policyArn({ Tags: [{ Key: 'k', Value: 'v' }] }),
  UntagPolicy: policyArn({ TagKeys: ['k'] }),
  ListPolicyTags: policyArn(),
  TagMFADevice: { input: { SerialNumber: 'short', Tags: [{ Key: 'k', Value: 'v' }] }, field: 'serialNumber' },
  UntagMFADevice: { input: { SerialNumber: 'arn:aws:iam::000000000000:mfa/d', TagKeys: ['bad key!'] }, field: 'tagKeys' },
  ListMFADeviceTags: { input: { SerialNumber: 'short' }, field: 'serialNumber' },
  GetAccountAuthorizationDetails: maxItems(),
  CreateAccessKey: user(),
  ListAccessKeys: user(),
  UpdateAccessKey: { input: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Enabled' }, field: 'status' },
  DeleteAccessKey: { input: { AccessKeyId: 'AKIA' }, field: 'accessKeyId' },
  GetAccessKeyLastUsed: { input: { AccessKeyId: 'AKIA' }, field: 'accessKeyId' },
  CreateAccountAlias: { input: { AccountAlias: 'Not_An_Alias' }, field: 'accountAlias' },
  DeleteAccountAlias: { input: { AccountAlias: 'Not_An_Alias' }, field: 'accountAlias' },
  ListAccountAliases: maxItems(),
  CreateLoginProfile: user({ Password: 'Pa55word!long' }),
  GetLoginProfile: user(),
  UpdateLoginProfile: user(),
  DeleteLoginProfile: user(),
  ChangePassword: { input: { OldPassword: 'old-Passw0rd!' }, field: 'newPassword' },
  CreateVirtualMFADevice: { input: { VirtualMFADeviceName: BAD_NAME }, field: 'virtualMFADeviceName' },
  EnableMFADevice: {
    input: { UserName: 'someone', SerialNumber: 'arn:aws:iam::000000000000:mfa/d', AuthenticationCode1: '12ab56', AuthenticationCode2: '123456' },
    field: 'authenticationCode1',
  },
  ResyncMFADevice: {
    input: { UserName: 'someone', SerialNumber: 'arn:aws:iam::000000000000:mfa/d', AuthenticationCode1: '123456', AuthenticationCode2: '1234567' },
    field: 'authenticationCode2',
  },
  DeactivateMFADevice: { input: { SerialNumber: 'short' }, field: 'serialNumber' },
  DeleteVirtualMFADevice: { input: { SerialNumber: 'short' }, field: 'serialNumber' },
  ListMFADevices: user(),
  ListVirtualMFADevices: { input: { AssignmentStatus: 'Maybe' }, field: 'assignmentStatus' },
  UpdateAccountPasswordPolicy: { input: { MinimumPasswordLength: 5 }, field: 'minimumPasswordLength' },
  SimulatePrincipalPolicy: { input: { PolicySourceArn: SHORT_ARN, ActionNames: ['s3:GetObject'] }, field: 'policySourceArn' },
  SimulateCustomPolicy: { input: { ActionNames: ['s3:GetObject'] }, field: 'policyInputList' },
  GetContextKeysForPrincipalPolicy: { input: { PolicySourceArn: SHORT_ARN }, field: 'policySourceArn' },
  GetContextKeysForCustomPolicy: { input: {}, field: 'policyInputList' },
  GetSessionToken: { input: { DurationSeconds: 100 }, field: 'durationSeconds' },
  AssumeRole: { input: { RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 'x' }, field: 'roleSessionName' },
};

/** Operations without parameters to get wrong. */
const PARAMETERLESS = [
  'GetAccountSummary',
  'GenerateCredentialReport',
  'GetCredentialReport',
  'GetAccountPasswordPolicy',
  'DeleteAccountPasswordPolicy',
  'GetCallerIdentity',
];

type SdkCommand = new (input: Record<string, unknown>) => never;

function command(service: 'iam' | 'sts', action: string): SdkCommand {
  const sdk: Record<string, unknown> = service === 'iam' ? iamSdk : stsSdk;
  const constructor = sdk[`${action}Command`];
  if (typeof constructor !== 'function') throw new Error(`the SDK has no ${action}Command`);
  return constructor as SdkCommand;
}

let t: TestServer;
let send: (service: 'iam' | 'sts', action: string, input: Record<string, unknown>) => Promise<unknown>;

beforeAll(async () => {
  t = await startTestServer({ accountId: '000000000000' });
  const nobody = addUser(t, 'nobody').keys;
  const iam = t.iamAs(nobody);
  const sts = t.stsAs(nobody);
  send = (service, action, input) => {
    const Command = command(service, action);
    return service === 'iam' ? iam.send(new Command(input)) : sts.send(new Command(input));
  };
});
afterAll(() => t.close());

describe('validation before authorization', () => {
  it('has a case for every operation in the table', () => {
    const covered = new Set([...Object.keys(CASES), ...PARAMETERLESS]);
    expect(Object.keys(operations).filter((action) => !covered.has(action))).toEqual([]);
    expect([...covered].filter((action) => !Object.hasOwn(operations, action))).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s: a caller without permissions gets the ValidationError', async (action, { input, field }) => {
    const error = await sdkError(send(operations[action]!.service, action, input));
    expect(error.name).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(new RegExp(`^1 validation error detected: Value (null |'[^']*' )?at '${field.replace(/\./g, '\\.')}' failed to satisfy constraint: Member must `));
  });

  it('the same caller is refused with AccessDenied once the request is well-formed', async () => {
    for (const [action, input] of [
      ['CreateUser', { UserName: 'well-formed' }],
      ['GetGroup', { GroupName: 'well-formed' }],
      ['GetPolicy', { PolicyArn: POLICY_ARN }],
      ['ListUsers', { PathPrefix: '/' }],
      ['UpdateAccessKey', { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive' }],
      ['GenerateCredentialReport', {}],
      ['GetAccountSummary', {}],
    ] as const) {
      const error = await sdkError(send('iam', action, input));
      expect(`${action}: ${error.name} ${error.status}`).toBe(`${action}: AccessDenied 403`);
    }
  });

  it('reports every broken member of one request together', async () => {
    const error = await sdkError(send('iam', 'CreateUser', { UserName: BAD_NAME, Path: `/${'p'.repeat(512)}/` }));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/^2 validation errors detected: Value at 'userName' .*; Value at 'path' /);
  });
});
