// The Deployment credentials wizard's pure parts: the tightened policy, the profile files, the requests.
import { DEPLOYMENT_TOOLS } from '@iam-console/api-contract/deployment-tools.ts';
import { describe, expect, it } from 'vitest';
import { configFile, credentialsFile, environmentVariables, profileFiles, toolSetting } from '../src/features/deployment-credentials/profile-files.ts';
import { tightenedPolicy } from '../src/features/deployment-credentials/policy-variant.ts';
import { initialState, placementOf, policyDocuments, stepProblems, toRoleRequest, toUserRequest, withTool } from '../src/features/deployment-credentials/wizard-state.ts';

const context = { accountId: '999988887777', partition: 'aws' };
const documentOf = (tool: 'sst' | 'amplify' | 'up') => {
  const policy = DEPLOYMENT_TOOLS[tool].policy;
  if (policy?.kind !== 'document') throw new Error(tool);
  return policy.document;
};
type Statement = { Sid?: string; Action: string | string[]; Resource: string | string[] };
const statements = (text: string) => (JSON.parse(text) as { Statement: Statement[] }).Statement;

describe('tightened policy', () => {
  it('SST: the guide’s placeholder account and region become this account and the chosen region', () => {
    const tightened = tightenedPolicy(documentOf('sst'), { ...context, region: 'eu-west-1' });
    expect(tightened).toBeDefined();
    expect(tightened).not.toContain('112233445566');
    expect(tightened).toContain('arn:aws:cloudformation:eu-west-1:999988887777:stack/CDKToolkit/*');
    expect(tightened).toContain('arn:aws:iam::999988887777:role/cdk-hnb659fds-cfn-exec-role-*');
  });

  it('Amplify: iam:PassRole and the other role actions on "*" move to a statement on the tool’s roles', () => {
    const tightened = tightenedPolicy(documentOf('amplify'), { ...context, region: 'us-east-1', rolePrefix: 'amplify-' });
    const all = statements(tightened ?? '{}');
    const scoped = all.find((s) => s.Sid === 'ToolRolesOnly');
    expect(scoped?.Resource).toBe('arn:aws:iam::999988887777:role/amplify-*');
    expect(scoped?.Action).toContain('iam:PassRole');
    const rest = all.filter((s) => s !== scoped).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(rest).not.toContain('iam:PassRole');
    expect(rest).toContain('cloudformation:CreateStack');
  });

  it('no variant where nothing can be scoped: Up without a role prefix', () => {
    expect(tightenedPolicy(documentOf('up'), { ...context, region: 'us-east-1' })).toBeUndefined();
    expect(tightenedPolicy('not json', { ...context, region: 'us-east-1', rolePrefix: 'x' })).toBeUndefined();
  });
});

describe('profile files', () => {
  const user = { kind: 'user' as const, tool: 'up' as const, profile: 'up-deployer', region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret/+x' };
  const role = { kind: 'role' as const, tool: 'amplify' as const, profile: 'bizcorprole', region: 'us-east-1', roleArn: 'arn:aws:iam::999988887777:role/bizcorp', sourceProfile: 'devcorpuser', externalId: 'ext-1', mfaSerial: 'arn:aws:iam::111122223333:mfa/dev' };

  it('a user: its key in ~/.aws/credentials, the region in [profile …] of ~/.aws/config', () => {
    expect(credentialsFile(user)).toBe('[up-deployer]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret/+x\n');
    expect(configFile(user)).toBe('[profile up-deployer]\nregion = eu-west-1\n');
    expect(configFile({ ...user, profile: 'default' })).toBe('[default]\nregion = eu-west-1\n');
    expect(environmentVariables(user)).toContain('export AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=secret/+x\n');
  });

  it('a role: role_arn, source_profile, mfa_serial, external_id and region, and the source profile', () => {
    expect(configFile(role)).toBe(
      '[profile bizcorprole]\nrole_arn = arn:aws:iam::999988887777:role/bizcorp\nsource_profile = devcorpuser\nmfa_serial = arn:aws:iam::111122223333:mfa/dev\nexternal_id = ext-1\nregion = us-east-1\n\n[profile devcorpuser]\nregion = us-east-1\n',
    );
    expect(configFile({ ...role, externalId: undefined, mfaSerial: undefined })).not.toMatch(/mfa_serial|external_id/);
    expect(credentialsFile(role)).toMatch(/^\[devcorpuser\]\n/);
    expect(environmentVariables(role)).toBe('export AWS_PROFILE=bizcorprole\nexport AWS_SDK_LOAD_CONFIG=1\n');
  });

  it('each tool’s own setting names the profile', () => {
    expect(toolSetting({ ...user, tool: 'serverless' }).text).toContain('provider:\n  name: aws\n  profile: up-deployer\n');
    expect(JSON.parse(toolSetting(user).text)).toMatchObject({ profile: 'up-deployer' });
    expect(toolSetting({ ...user, tool: 'amplify' }).text).toContain('Please choose the profile you want to use: up-deployer');
    expect(toolSetting({ ...user, tool: 'sst' }).text).toMatch(/^AWS_PROFILE=up-deployer npx sst deploy\n[\s\S]*mfa_serial/);
    expect(profileFiles(user).map((f) => f.id)).toEqual(['credentials', 'config', 'environment', 'tool']);
  });
});

describe('wizard state', () => {
  it('placement follows the size: Up inline, Amplify and SST customer managed, Serverless the AWS managed policy', () => {
    expect(placementOf(withTool(initialState(), 'up'), context)).toBe('inline');
    expect(placementOf(withTool(initialState(), 'amplify'), context)).toBe('customer-managed');
    expect(placementOf(initialState('sst'), context)).toBe('customer-managed');
    expect(toUserRequest(withTool(initialState(), 'serverless'), context).permissions).toEqual({ managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
  });

  it('the tightened variant is what is sent when chosen', () => {
    const state = { ...initialState('sst'), variant: 'tightened' as const, region: 'eu-west-1' };
    const permissions = toUserRequest(state, context).permissions;
    expect('policyDocument' in permissions && permissions.policyDocument).toBe(policyDocuments(state, context).tightened);
  });

  it('a role request carries the external ID only when required', () => {
    const state = { ...initialState('amplify'), identity: 'role' as const, trustedAccountId: '111122223333', externalId: 'abc', requireMfa: true };
    expect(toRoleRequest(state, context)).not.toHaveProperty('externalId');
    expect(toRoleRequest({ ...state, requireExternalId: true }, context)).toMatchObject({ externalId: 'abc', requireMfa: true, trustedAccountId: '111122223333' });
  });

  it('names what is missing before the next step', () => {
    const state = { ...initialState('up'), identity: 'role' as const, trustedAccountId: '12', requireExternalId: true, externalId: 'x' };
    expect(stepProblems(state, 1)).toEqual(['An account ID is 12 digits.', 'An external ID has 2–1224 of the characters a-z A-Z 0-9 _+=,.@:/-.']);
    expect(stepProblems({ ...initialState('custom'), customDocument: '{' }, 0)).toEqual(['The policy document is not valid JSON.']);
  });
});
