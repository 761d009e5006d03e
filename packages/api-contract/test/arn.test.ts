import { describe, expect, it } from 'vitest';
import { buildArn, isAwsManagedPolicyArn, mfaDeviceType, parseArn, shortName } from '../src/arn.ts';

describe('parseArn', () => {
  it('takes an IAM resource apart into type, path and name', () => {
    expect(parseArn('arn:aws:iam::123456789012:user/division/team/alice')).toEqual({
      partition: 'aws', service: 'iam', region: '', accountId: '123456789012', resource: 'user/division/team/alice',
      resourceType: 'user', path: '/division/team/', name: 'alice',
    });
    expect(parseArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toMatchObject({ accountId: 'aws', resourceType: 'policy', path: '/job-function/', name: 'ViewOnlyAccess' });
    expect(parseArn('arn:aws-us-gov:iam::123456789012:role/r')).toMatchObject({ partition: 'aws-us-gov', path: '/', name: 'r' });
  });

  it('knows the root user and STS sessions', () => {
    expect(parseArn('arn:aws:iam::123456789012:root')).toMatchObject({ resourceType: 'root', name: 'root', path: '' });
    expect(parseArn('arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com')).toMatchObject({
      service: 'sts', resourceType: 'assumed-role', name: 'Admin', sessionName: 'alice@example.com',
    });
  });

  it('keeps colons and slashes inside the resource (a split on ":" or "/" would cut them)', () => {
    expect(parseArn('arn:aws:iam::123456789012:mfa/team/alice:phone')).toMatchObject({ resource: 'mfa/team/alice:phone', name: 'alice:phone', path: '/team/' });
  });

  it('refuses what is no ARN', () => {
    for (const text of ['', 'alice', 'arn:aws:iam', 'GAHT12345678', 'arn:aws:iam::12345:user/x', 'arn:gcp:iam::123456789012:user/x']) expect(parseArn(text), text).toBeUndefined();
  });
});

describe('buildArn', () => {
  it('puts an IAM ARN together and parseArn takes it apart again', () => {
    const arn = buildArn({ accountId: '123456789012', resourceType: 'user', path: '/ops/', name: 'alice' });
    expect(arn).toBe('arn:aws:iam::123456789012:user/ops/alice');
    expect(parseArn(arn)).toMatchObject({ resourceType: 'user', path: '/ops/', name: 'alice' });
    expect(buildArn({ accountId: 'aws', resourceType: 'policy', name: 'ReadOnlyAccess' })).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
  });
});

describe('shortName', () => {
  it('is the name a console shows, and leaves anything else whole', () => {
    expect(shortName('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')).toBe('AWSLambdaRole');
    expect(shortName('arn:aws:sts::123456789012:assumed-role/Admin/session')).toBe('Admin');
    expect(shortName('arn:aws:iam::123456789012:root')).toBe('root');
    expect(shortName('GAHT12345678')).toBe('GAHT12345678');
  });
});

describe('isAwsManagedPolicyArn', () => {
  it('is true for arn:aws:iam::aws:policy/… only', () => {
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws-cn:iam::aws:policy/ReadOnlyAccess')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::123456789012:policy/ReadOnlyAccess')).toBe(false);
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:role/x')).toBe(false);
  });
});

describe('mfaDeviceType', () => {
  it('tells a virtual device, a security key and a hardware token apart by the serial number', () => {
    expect(mfaDeviceType('arn:aws:iam::123456789012:mfa/alice-phone')).toBe('Virtual');
    expect(mfaDeviceType('arn:aws:iam::123456789012:mfa/division/alice-phone')).toBe('Virtual');
    expect(mfaDeviceType('arn:aws-us-gov:iam::123456789012:u2f/user/alice/key-ABCDEFGHIJKLMNOP')).toBe('SecurityKey');
    expect(mfaDeviceType('GAHT12345678')).toBe('Hardware');
  });
});
