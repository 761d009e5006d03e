import { describe, expect, it } from 'vitest';
import { IamError } from '../src/errors.ts';
import {
  encodePolicyDocument, GROUP_NAME, listParam, optionalBoolean, optionalInt, optionalString, pageRequest, paginate, PATH, requireString,
  ROLE_SESSION_NAME, stringListParam, tagsParam, USER_NAME, validateAll, ValidationFailure,
} from '../src/protocol/params.ts';

function errorOf(fn: () => unknown): IamError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return error;
    throw error;
  }
  throw new Error('expected an IamError');
}

describe('requireString', () => {
  it('returns a valid value', () => {
    expect(requireString({ UserName: 'alice+ops@example.com' }, 'UserName', USER_NAME)).toBe('alice+ops@example.com');
  });

  it('words a pattern failure as IAM does, without the value', () => {
    const error = errorOf(() => requireString({ UserName: 'bad name!' }, 'UserName', USER_NAME));
    expect(error.code).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('reports length and pattern failures of one value together', () => {
    const error = errorOf(() => requireString({ UserName: `${'x'.repeat(64)}!` }, 'UserName', USER_NAME));
    expect(error.message).toBe(
      "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64; " +
        "Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('refuses an empty value by length', () => {
    expect(errorOf(() => requireString({ GroupName: '' }, 'GroupName', GROUP_NAME)).message).toContain(
      "Value at 'groupName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('says "must not be null" for a missing required parameter', () => {
    expect(errorOf(() => requireString({}, 'UserName', USER_NAME)).message).toBe(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('echoes the value for STS shapes', () => {
    expect(errorOf(() => requireString({ RoleSessionName: 'a' }, 'RoleSessionName', ROLE_SESSION_NAME)).message).toBe(
      "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });

  it('checks paths with the unicode-escaped model pattern', () => {
    expect(requireString({ Path: '/' }, 'Path', PATH)).toBe('/');
    expect(requireString({ Path: '/division/team/' }, 'Path', PATH)).toBe('/division/team/');
    expect(errorOf(() => requireString({ Path: 'no-slashes' }, 'Path', PATH)).message).toContain(
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
    expect(() => requireString({ Path: '/with space/' }, 'Path', PATH)).toThrow(ValidationFailure);
  });
});

describe('validateAll', () => {
  it('returns every value when all checks pass', () => {
    const params = { UserName: 'bob', Path: '/x/' };
    const [name, path] = validateAll(() => requireString(params, 'UserName', USER_NAME), () => optionalString(params, 'Path', PATH));
    expect([name, path]).toEqual(['bob', '/x/']);
  });

  it('merges failures of several parameters into one message', () => {
    const params = { UserName: 'a b', Path: 'x' };
    const error = errorOf(() => validateAll(() => requireString(params, 'UserName', USER_NAME), () => optionalString(params, 'Path', PATH)));
    expect(error.message).toMatch(/^2 validation errors detected: Value at 'userName' .*; Value at 'path' failed/);
  });

  it('lets non-validation errors through unchanged', () => {
    const boom = new IamError('NoSuchEntity', 'gone');
    expect(errorOf(() => validateAll(() => { throw boom; }))).toBe(boom);
  });
});

describe('numbers and booleans', () => {
  it('reads integers within bounds', () => {
    expect(optionalInt({ MaxItems: '10' }, 'MaxItems', { min: 1, max: 1000 })).toBe(10);
    expect(optionalInt({}, 'MaxItems')).toBeUndefined();
    expect(errorOf(() => optionalInt({ MaxItems: '0' }, 'MaxItems', { min: 1 })).message).toBe(
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(errorOf(() => optionalInt({ MaxItems: '1001' }, 'MaxItems', { max: 1000 })).message).toContain('less than or equal to 1000');
    expect(errorOf(() => optionalInt({ MaxItems: '1e3' }, 'MaxItems')).code).toBe('ValidationError');
  });

  it('reads booleans', () => {
    expect(optionalBoolean({ A: 'true' }, 'A')).toBe(true);
    expect(optionalBoolean({ A: 'false' }, 'A')).toBe(false);
    expect(optionalBoolean({}, 'A')).toBeUndefined();
    expect(() => optionalBoolean({ A: 'yes' }, 'A')).toThrow(ValidationFailure);
  });
});

describe('lists', () => {
  it('reads structure lists ordered by member index, with nested lists', () => {
    const params = {
      'ContextEntries.member.2.ContextKeyName': 'b',
      'ContextEntries.member.1.ContextKeyName': 'a',
      'ContextEntries.member.1.ContextKeyValues.member.1': 'v1',
      'ContextEntries.member.10.ContextKeyName': 'c',
    };
    const members = listParam(params, 'ContextEntries');
    expect(members.map((m) => m['ContextKeyName'])).toEqual(['a', 'b', 'c']);
    expect(stringListParam(members[0] as Record<string, string>, 'ContextKeyValues')).toEqual(['v1']);
  });

  it('reads string lists and validates each item', () => {
    const params = { 'ActionNames.member.2': 'iam:GetUser', 'ActionNames.member.1': 'iam:ListUsers' };
    expect(stringListParam(params, 'ActionNames')).toEqual(['iam:ListUsers', 'iam:GetUser']);
    expect(errorOf(() => stringListParam(params, 'ActionNames', {}, { max: 5 })).message).toContain(
      "Value at 'actionNames.1.member' failed to satisfy constraint: Member must have length less than or equal to 5",
    );
    expect(errorOf(() => stringListParam(params, 'ActionNames', { max: 1 })).message).toContain('less than or equal to 1');
  });

  it('reads and validates tags', () => {
    expect(tagsParam({ 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'blue' })).toEqual([{ Key: 'team', Value: 'blue' }]);
    expect(tagsParam({ 'Tags.member.1.Key': 'empty', 'Tags.member.1.Value': '' })).toEqual([{ Key: 'empty', Value: '' }]);
    expect(errorOf(() => tagsParam({ 'Tags.member.1.Key': 'bad<key>', 'Tags.member.1.Value': 'v' })).message).toContain(
      "Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern",
    );
    expect(errorOf(() => tagsParam({ 'Tags.member.1.Key': 'k' })).message).toContain("Value null at 'tags.1.member.value'");
    const many: Record<string, string> = {};
    for (let i = 1; i <= 51; i++) Object.assign(many, { [`Tags.member.${i}.Key`]: `k${i}`, [`Tags.member.${i}.Value`]: 'v' });
    expect(errorOf(() => tagsParam(many)).message).toContain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 250 }, (_, i) => i);

  it('returns 100 items by default and a marker that continues', () => {
    const first = paginate(items, pageRequest({}));
    expect(first.items).toHaveLength(100);
    expect(first.IsTruncated).toBe(true);
    const second = paginate(items, pageRequest({ Marker: first.Marker as string, MaxItems: '200' }));
    expect(second.items[0]).toBe(100);
    expect(second.items).toHaveLength(150);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
  });

  it('validates MaxItems and the marker', () => {
    expect(() => pageRequest({ MaxItems: '0' })).toThrow(/greater than or equal to 1/);
    expect(() => pageRequest({ MaxItems: '1001' })).toThrow(/less than or equal to 1000/);
    expect(errorOf(() => paginate(items, pageRequest({ Marker: 'garbage' })))).toMatchObject({ code: 'ValidationError', message: 'Invalid Marker.' });
  });
});

describe('encodePolicyDocument', () => {
  it('encodes as RFC 3986, round-tripping through decodeURIComponent', () => {
    const doc = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Sid":"It\'s (ok)!"}]}';
    const encoded = encodePolicyDocument(doc);
    expect(encoded).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(encoded).toContain('s3%3A%2A');
    expect(encoded).not.toMatch(/[!'()*]/);
    expect(decodeURIComponent(encoded)).toBe(doc);
  });
});
