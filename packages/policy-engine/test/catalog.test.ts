import { describe, expect, it } from 'vitest';
import { generatedCatalog } from './catalog-helpers.ts';

const catalog = generatedCatalog();

describe('catalog: services and actions', () => {
  it('lists services with their names and finds one case-insensitively', () => {
    expect(catalog.services().length).toBeGreaterThan(300);
    expect(catalog.service('IAM')).toMatchObject({ prefix: 'iam', name: expect.stringContaining('Identity and Access Management') });
    expect(catalog.service('no-such-service')).toBeUndefined();
  });

  it('describes an action: description, access level, resource types, condition keys', () => {
    const passRole = catalog.action('iam:PassRole');
    expect(passRole).toMatchObject({ name: 'iam:PassRole', service: 'iam', action: 'PassRole', accessLevel: 'Write' });
    expect(passRole?.description).toMatch(/^Grants permission to pass a role/);
    expect(passRole?.resourceTypes).toEqual([{ name: 'role', required: true, conditionKeys: [], dependentActions: [] }]);
    expect(passRole?.conditionKeys).toContain('iam:PassedToService');
  });

  it("keeps a service's first resource type when an action lists it as optional without keys", () => {
    // The compact layout omits trailing zeros, so such an entry is stored as an empty tuple.
    expect(catalog.action('lex:DeleteBot')?.resourceTypes.map((rt) => rt.name)).toEqual(['bot', 'bot alias', 'bot version']);
    expect(catalog.action('s3:ListBucket')?.resourceTypes.map((rt) => rt.name)).toEqual(['accesspoint', 'bucket']);
  });

  it('names a resource type of its own service for every resource type of every action', () => {
    const unresolved = catalog
      .services()
      .flatMap((service) => catalog.actions(service.prefix))
      .flatMap((action) => action.resourceTypes.filter((rt) => !catalog.resourceType(action.service, rt.name)).map((rt) => `${action.name} ${JSON.stringify(rt.name)}`));
    expect(unresolved).toEqual([]);
  });

  it('looks actions up case-insensitively and returns the canonical spelling', () => {
    expect(catalog.action('IAM:getuser')?.name).toBe('iam:GetUser');
    expect(catalog.action('S3:GETOBJECT')?.name).toBe('s3:GetObject');
  });

  it('answers undefined or empty for unknown or malformed names instead of throwing', () => {
    expect(catalog.action('iam:NoSuchAction')).toBeUndefined();
    expect(catalog.action('nosuchservice:GetUser')).toBeUndefined();
    expect(catalog.action('iamGetUser')).toBeUndefined();
    expect(catalog.action('iam:')).toBeUndefined();
    expect(catalog.action('iam:Get*')).toBeUndefined();
    expect(catalog.action(42 as unknown as string)).toBeUndefined();
    expect(catalog.actions('nosuchservice')).toEqual([]);
    expect(catalog.resourceTypes('nosuchservice')).toEqual([]);
    expect(catalog.supportsResourceLevelPermissions('iam:NoSuchAction')).toBe(false);
  });

  it('tells whether an action supports resource-level permissions', () => {
    expect(catalog.supportsResourceLevelPermissions('iam:GetUser')).toBe(true);
    expect(catalog.supportsResourceLevelPermissions('iam:ListRoles')).toBe(false);
  });
});
