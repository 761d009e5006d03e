// IAM's verdict table: every ERROR finding is a refusal IAM answers in its own words, and nothing IAM accepts is
// an ERROR. The documents are those public test suites recorded against real AWS (moto's IAM policy tests).
import { describe, expect, it } from 'vitest';
import { CHECKS, type IssueCode } from '../src/validate/checks.ts';
import { IAM_REFUSALS, iamRefusal } from '../src/validate/iam-verdict.ts';
import type { PolicyKind } from '../src/validate/finding.ts';
import { validate } from './validate-helpers.ts';

const verdict = (document: unknown, kind: PolicyKind = 'identity'): string | undefined => {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return iamRefusal(text, validate(text, { kind }), kind);
};

const statement = (changes: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket', ...changes } });

describe('IAM_REFUSALS and the finding types', () => {
  it('maps every ERROR issue code but the size quotas, and only those', () => {
    const errors = (Object.keys(CHECKS) as IssueCode[]).filter((code) => CHECKS[code].type === 'ERROR' && !code.startsWith('POLICY_SIZE_'));
    expect(Object.keys(IAM_REFUSALS).sort()).toEqual(errors.sort());
  });
});

describe('iamRefusal', () => {
  it('accepts what IAM accepts: unknown services and keys, placeholder regions and accounts, odd actions', () => {
    for (const document of [
      statement({ Action: 'iam: asdf safdsf af ' }),
      statement({ Action: 'fsx:ListBucket' }),
      statement({ Action: 's3.s:ListBucket' }),
      statement({ Resource: 'arn:aws:s33:::example_bucket' }),
      statement({ Resource: 'arn:aws:fdsasf' }),
      statement({ Resource: 'arn:aws:cloudwatch:us-east-1::example_bucket' }),
      statement({ Resource: 'arn:aws:ec2:region:account-id:instance/*' }),
      statement({ Resource: 'arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point' }),
      statement({ Resource: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:delegation-request/abc', 'arn:aws:iam::aws:role-template/x/y:1'] }),
      statement({ Condition: { DateGreaterThan: { a: '01T' } } }),
      statement({ Condition: { x: {}, y: {} } }),
      statement({ Condition: { 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } } }),
      statement({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+23' } } }),
      statement({ Condition: { DateLessThan: { a: '-292275054' } } }),
    ]) {
      expect(verdict(document), JSON.stringify(document)).toBeUndefined();
    }
  });

  it.each([
    ['not JSON', 'This is not a json document', 'Syntax errors in policy.'],
    ['no Version', { Statement: statement({}).Statement }, 'Policy document must be version 2012-10-17 or greater.'],
    ['Version 2008-10-17', { ...statement({}), Version: '2008-10-17' }, 'Policy document must be version 2012-10-17 or greater.'],
    ['an unknown Version', { ...statement({}), Version: '2013-10-17' }, 'Syntax errors in policy.'],
    ['an unknown operator with conditions', statement({ Condition: { x: { a: '1' } } }), 'Syntax errors in policy.'],
    ['a date IAM cannot read', statement({ Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), 'The policy failed legacy parsing'],
    ['an epoch beyond 64 bits', statement({ Condition: { DateLessThan: { a: '9223372036854775808' } } }), 'The policy failed legacy parsing'],
    ['an Effect in the wrong case', statement({ Effect: 'denY' }), 'The policy failed legacy parsing'],
    ['a truncated ARN', statement({ Resource: 'arn:aws:s3::example_bucket' }), 'The policy failed legacy parsing'],
    ['an ARN without service', statement({ Resource: 'arn:aws::::example_bucket' }), 'The policy failed legacy parsing'],
    ['an empty Action list', statement({ Action: [] }), 'Policy statement must contain actions.'],
    ['an empty Resource list', statement({ Resource: [] }), 'Policy statement must contain resources.'],
    ['a resource that is no ARN', statement({ Resource: 'invalid resource' }), 'Resource invalid resource must be in ARN format or "*".'],
    ['an unknown partition', statement({ Resource: 'a:b:c:d:e:f:g:h' }), 'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".'],
    ['a partition only', statement({ Resource: 'a:bsdfdsafsad' }), 'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".'],
    ['a missing arn: prefix', statement({ Resource: 'aws:s3:::example_bucket' }), 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".'],
    ['no vendor', statement({ Resource: 'arn:aws' }), 'Resource vendor must be fully qualified and cannot contain regexes.'],
    ['a region in an IAM ARN', statement({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }), 'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.'],
    ['a region in an S3 ARN', statement({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }), 'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.'],
    ['an action without vendor', statement({ Action: 'invalid' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['a vendor with a space', statement({ Action: 'a a:ListBucket' }), 'Vendor a a is not valid'],
    ['a wildcard vendor', statement({ Action: 's3*:ListBucket' }), 'Vendor s3* is not valid'],
  ])('refuses %s', (_case, document, message) => {
    expect(verdict(document)).toBe(message);
  });

  it('names the resource IAM reads last when several are wrong', () => {
    expect(verdict(statement({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }))).toBe(
      'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
    );
  });

  it('reports the first problem in IAM\'s order', () => {
    expect(verdict({ Statement: { Effect: 'denY', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket' } })).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(verdict(statement({ Resource: 'arn:error:s3:::example_bucket', Condition: { DateGreaterThan: { a: 'sdfdsf' } } }))).toBe('The policy failed legacy parsing');
    expect(verdict({ Version: '2012-10-17', Statement: [{ Sid: 'sdf', Effect: 'aLLow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket' }, { Sid: 'sdf', Effect: 'Allow' }] })).toBe('The policy failed legacy parsing');
    expect(verdict({ Version: '2012-10-17', Statement: [{ Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket' }, { Sid: 'sdf', Effect: 'Allow' }] })).toBe('Statement IDs (SID) in a single policy must be unique.');
    // Action vendors before resources present.
    expect(verdict({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'invalid' } })).toBe('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    expect(verdict({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket' } })).toBe('Policy statement must contain resources.');
    expect(verdict(statement({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }))).toBe('Resource sdfsadf must be in ARN format or "*".');
  });

  it('reads an inline policy without Version as IAM does: accepted, its variables literal', () => {
    const text = JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' } });
    expect(iamRefusal(text, validate(text, { inlineFor: 'user' }), 'identity')).toBeUndefined();
    expect(validate(text, { inlineFor: 'user' }).find((f) => f.issueCode === 'VARIABLE_UNSUPPORTED_IN_VERSION')?.findingType).toBe('WARNING');
  });

  it('answers a role trust policy in the words IAM uses for one', () => {
    const trust = (changes: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', ...changes }] });
    expect(verdict('not valid json', 'trust')).toBe('This policy contains invalid Json');
    expect(verdict(trust({ Action: 'sts:InvalidAction' }), 'trust')).toBe('AssumeRole policy may only specify STS AssumeRole actions.');
    expect(verdict(trust({ Resource: 'arn:aws:s3:::example_bucket' }), 'trust')).toBe('Has prohibited field Resource');
    expect(verdict(trust({ Principal: { AWS: 'ACCOUNT-B-ID' } }), 'trust')).toBe('Invalid principal in policy: "AWS":"ACCOUNT-B-ID"');
    expect(verdict({ Statement: trust({}).Statement }, 'trust')).toBeUndefined();
    // Recorded for a trust policy whose principal lists are empty.
    const noOne = 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!';
    expect(verdict(trust({ Principal: { AWS: [] } }), 'trust')).toBe(noOne);
    expect(verdict(trust({ Principal: { AWS: [], Service: 'ec2.amazonaws.com' } }), 'trust')).toBeUndefined();
  });
});
