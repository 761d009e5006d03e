// Table-driven tests of every condition operator family (UG "IAM JSON policy elements: Condition operators").
import { describe, expect, it } from 'vitest';
import { BASE_OPERATOR_NAMES } from '../src/evaluate/operators.ts';
import { compilePolicy, evaluate, type ContextValue } from '../src/evaluate/evaluate.ts';

const ACCOUNT = '111122223333';
const principal = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, tags: { team: 'blue' } };

/** Does an Allow statement with this single condition allow a request carrying `value` under `key`? */
function holds(operator: string, key: string, policyValue: unknown, value: ContextValue | undefined): boolean {
  const policy = compilePolicy(
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [operator]: { [key]: policyValue } } } },
    { id: 'p', type: 'identity' },
  );
  expect(policy.notes).toEqual([]);
  const context = value === undefined ? {} : { [key]: value };
  return evaluate({ principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context }, [policy]).decision === 'allowed';
}

type Row = [operator: string, policyValue: unknown, requestValue: ContextValue | undefined, expected: boolean];

function table(family: string, key: string, rows: Row[]) {
  describe(family, () => {
    it.each(rows)('%s %j vs request %j → %s', (operator, policyValue, requestValue, expected) => {
      expect(holds(operator, key, policyValue, requestValue)).toBe(expected);
    });
  });
}

table('String operators', 'aws:PrincipalTag/dept', [
  ['StringEquals', 'finance', 'finance', true],
  ['StringEquals', 'finance', 'Finance', false],
  ['StringEquals', ['hr', 'finance'], 'finance', true],
  ['StringEquals', 'finance', undefined, false],
  ['StringEquals', 'fin*', 'finance', false],
  ['StringNotEquals', 'finance', 'hr', true],
  ['StringNotEquals', 'finance', 'finance', false],
  ['StringNotEquals', ['hr', 'finance'], 'finance', false],
  ['StringNotEquals', ['hr', 'finance'], 'legal', true],
  ['StringNotEquals', 'finance', undefined, true],
  ['StringEqualsIgnoreCase', 'FINANCE', 'finance', true],
  ['StringEqualsIgnoreCase', 'FINANCE', 'hr', false],
  ['StringNotEqualsIgnoreCase', 'FINANCE', 'finance', false],
  ['StringNotEqualsIgnoreCase', 'FINANCE', 'hr', true],
  ['StringLike', 'fin*', 'finance', true],
  ['StringLike', 'fin?nce', 'finance', true],
  ['StringLike', 'Fin*', 'finance', false],
  ['StringLike', ['', 'home/'], '', true],
  ['StringLike', 'fin*', undefined, false],
  ['StringNotLike', 'fin*', 'finance', false],
  ['StringNotLike', 'fin*', 'hr', true],
  ['StringNotLike', 'fin*', undefined, true],
  ['StringEqualsIfExists', 'finance', undefined, true],
  ['StringEqualsIfExists', 'finance', 'hr', false],
  ['StringEqualsIfExists', 'finance', 'finance', true],
  ['StringNotEqualsIfExists', 'finance', undefined, true],
  ['StringLikeIfExists', 't2.*', 'm5.large', false],
]);

table('Numeric operators', 's3:max-keys', [
  ['NumericEquals', '10', '10', true],
  ['NumericEquals', '10', 10, true],
  ['NumericEquals', 10, '10.0', true],
  ['NumericEquals', '10', '11', false],
  ['NumericEquals', '10', 'ten', false],
  ['NumericEquals', '10', undefined, false],
  ['NumericNotEquals', '10', '11', true],
  ['NumericNotEquals', '10', '10', false],
  ['NumericNotEquals', '10', undefined, true],
  ['NumericLessThan', '10', '9', true],
  ['NumericLessThan', '10', '10', false],
  ['NumericLessThanEquals', '10', '10', true],
  ['NumericLessThanEquals', '10', '10.5', false],
  ['NumericGreaterThan', '10', '10.5', true],
  ['NumericGreaterThan', '10', '10', false],
  ['NumericGreaterThanEquals', '10', '10', true],
  ['NumericGreaterThanEquals', '-1.5', '-2', false],
  ['NumericLessThanIfExists', '10', undefined, true],
]);

table('Date operators', 'aws:TokenIssueTime', [
  ['DateEquals', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01-01T00:00:00Z', '2020-01-01T01:00:00+01:00', true],
  ['DateEquals', '2020-01-01', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '1577836800', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01-01T00:00:00', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01-01T01:00:00+0100', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01-01t00:00z', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01', '2020-01-01T00:00:00Z', true],
  ['DateEquals', '2020-01-01T00:00:00Z', '1577836800', true],
  ['DateNotEquals', '2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z', true],
  ['DateNotEquals', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', false],
  ['DateLessThan', '2017-12-31T23:59:59Z', '2017-08-01T00:00:00Z', true],
  ['DateLessThan', '2017-12-31T23:59:59Z', '2018-01-01T00:00:00Z', false],
  ['DateLessThanEquals', '2017-12-31T23:59:59Z', '2017-12-31T23:59:59Z', true],
  ['DateGreaterThan', '2017-07-01T00:00:00Z', '2017-08-01T00:00:00.123Z', true],
  ['DateGreaterThan', '2017-07-01T00:00:00Z', '2017-07-01T00:00:00Z', false],
  ['DateGreaterThanEquals', '2017-07-01T00:00:00Z', '2017-07-01T00:00:00Z', true],
  ['DateGreaterThan', '2017-07-01T00:00:00Z', 'not a date', false],
  ['DateGreaterThan', '2017-07-01T00:00:00Z', undefined, false],
  ['DateLessThanIfExists', '2017-07-01T00:00:00Z', undefined, true],
]);

table('Bool', 'aws:MultiFactorAuthPresent', [
  ['Bool', 'true', 'true', true],
  ['Bool', true, true, true],
  ['Bool', 'true', 'TRUE', true],
  ['Bool', 'true', false, false],
  ['Bool', 'false', 'false', true],
  ['Bool', 'true', undefined, false],
  ['Bool', 'false', undefined, false],
  ['BoolIfExists', 'false', undefined, true],
  ['BoolIfExists', 'false', true, false],
]);

table('BinaryEquals', 'custom:blob', [
  ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', true],
  ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'T3RoZXI=', false],
  ['BinaryEquals', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', undefined, false],
]);

table('IP address operators', 'aws:SourceIp', [
  ['IpAddress', '203.0.113.0/24', '203.0.113.7', true],
  ['IpAddress', '203.0.113.0/24', '203.0.114.7', false],
  ['IpAddress', '203.0.113.7', '203.0.113.7', true],
  ['IpAddress', '203.0.113.7', '203.0.113.8', false],
  ['IpAddress', '10.0.0.0/8', '10.255.1.2', true],
  ['IpAddress', '0.0.0.0/0', '192.0.2.1', true],
  ['IpAddress', '203.0.112.0/23', '203.0.113.255', true],
  ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1', true],
  ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1', false],
  ['IpAddress', ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], '2001:db8:1234:5678::9', true],
  ['IpAddress', '203.0.113.0/24', '::ffff:203.0.113.9', true],
  ['IpAddress', '203.0.113.0/24', '2001:db8::1', false],
  ['IpAddress', '203.0.113.0/24', 'not-an-ip', false],
  ['IpAddress', '203.0.113.0/24', undefined, false],
  ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
  ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
  ['NotIpAddress', '203.0.113.0/24', undefined, true],
  ['IpAddressIfExists', '203.0.113.0/24', undefined, true],
]);

table('ARN operators', 'aws:SourceArn', [
  ['ArnEquals', 'arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:topic', true],
  ['ArnEquals', 'arn:aws:sns:*:123456789012:topic', 'arn:aws:sns:eu-west-1:123456789012:topic', true],
  ['ArnLike', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:eu-west-1:123456789012:topic', true],
  ['ArnLike', 'arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', false],
  ['ArnLike', 'arn:aws:sns:*:123456789012:Topic', 'arn:aws:sns:eu-west-1:123456789012:topic', false],
  ['ArnLike', 'arn:aws:sns:*:123456789012:topic', 'not-an-arn', false],
  ['ArnNotEquals', 'arn:aws:sns:*:123456789012:topic', 'arn:aws:sns:eu-west-1:999999999999:topic', true],
  ['ArnNotLike', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:eu-west-1:123456789012:topic', false],
  ['ArnNotLike', 'arn:aws:sns:*:123456789012:*', undefined, true],
  ['ArnLikeIfExists', 'arn:aws:sns:*:123456789012:*', undefined, true],
]);

table('String operators with StringLike across segments (vs ArnLike)', 'aws:SourceArn', [
  ['StringLike', 'arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', true],
]);

table('Null', 'aws:TokenIssueTime', [
  ['Null', 'true', undefined, true],
  ['Null', 'true', '2020-01-01T00:00:00Z', false],
  ['Null', 'false', '2020-01-01T00:00:00Z', true],
  ['Null', 'false', undefined, false],
  ['Null', false, [], false],
]);

table('ForAllValues', 'aws:TagKeys', [
  ['ForAllValues:StringEquals', ['env', 'team'], ['env'], true],
  ['ForAllValues:StringEquals', ['env', 'team'], ['env', 'team'], true],
  ['ForAllValues:StringEquals', ['env', 'team'], ['env', 'owner'], false],
  ['ForAllValues:StringEquals', ['env', 'team'], undefined, true],
  ['ForAllValues:StringEquals', ['env', 'team'], [], true],
  ['ForAllValues:StringLike', ['env*'], ['env1', 'env2'], true],
  ['ForAllValues:StringNotEquals', ['secret'], ['env', 'team'], true],
  ['ForAllValues:StringNotEquals', ['secret'], ['env', 'secret'], false],
  ['ForAllValues:StringNotEquals', ['secret'], undefined, true],
  ['ForAllValues:StringEqualsIgnoreCase', ['ENV'], ['env'], true],
]);

table('ForAnyValue', 'aws:TagKeys', [
  ['ForAnyValue:StringEquals', ['env', 'team'], ['owner', 'env'], true],
  ['ForAnyValue:StringEquals', ['env', 'team'], ['owner'], false],
  ['ForAnyValue:StringEquals', ['env', 'team'], undefined, false],
  ['ForAnyValue:StringEquals', ['env', 'team'], [], false],
  ['ForAnyValue:StringNotEquals', ['env'], ['env', 'team'], true],
  ['ForAnyValue:StringNotEquals', ['env'], ['env'], false],
  ['ForAnyValue:StringLike', ['t*'], ['env', 'team'], true],
  ['ForAnyValue:StringEqualsIfExists', ['env'], undefined, true],
]);

describe('clock keys', () => {
  it('aws:CurrentTime and aws:EpochTime default to now when the request does not carry them', () => {
    const year = new Date().getUTCFullYear();
    expect(holds('DateGreaterThan', 'aws:CurrentTime', `${year - 1}-01-01T00:00:00Z`, undefined)).toBe(true);
    expect(holds('DateLessThan', 'aws:CurrentTime', `${year - 1}-01-01T00:00:00Z`, undefined)).toBe(false);
    expect(holds('DateGreaterThan', 'aws:EpochTime', String(Math.floor(Date.now() / 1000) - 3600), undefined)).toBe(true);
    expect(holds('DateLessThan', 'aws:CurrentTime', '2017-01-01T00:00:00Z', '2016-06-01T00:00:00Z')).toBe(true);
  });
});

describe('multiple keys and operators are ANDed', () => {
  const policy = compilePolicy(
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: {
          StringEqualsIgnoreCase: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'], 'aws:PrincipalTag/role': ['audit', 'security'] },
          StringEquals: { 'aws:PrincipalAccount': ACCOUNT },
        },
      },
    },
    { id: 'p', type: 'identity' },
  );
  const cases: Array<[Record<string, string>, string, boolean]> = [
    [{ department: 'HR', role: 'audit' }, ACCOUNT, true],
    [{ department: 'HR' }, ACCOUNT, false],
    [{ department: 'HR', role: 'audit' }, '444455556666', false],
    [{ department: 'sales', role: 'audit' }, ACCOUNT, false],
  ];
  it.each(cases)('tags %j in account %s → %s', (tags, accountId, expected) => {
    const decision = evaluate({ principal: { arn: `arn:aws:iam::${accountId}:user/u`, accountId, tags }, action: 's3:GetObject', resource: '*' }, [policy]);
    expect(decision.decision === 'allowed').toBe(expected);
  });
});

describe('policy variables in condition values', () => {
  const cases: Row[] = [
    ['StringEquals', '${aws:PrincipalTag/team}', 'blue', true],
    ['StringEquals', '${aws:PrincipalTag/team}', 'red', false],
    ['StringEquals', '${aws:PrincipalTag/missing}', 'blue', false],
    ['StringNotEquals', '${aws:PrincipalTag/missing}', 'blue', true],
    ['StringLike', '${aws:PrincipalTag/team}-*', 'blue-1', true],
    ['StringEquals', "${aws:PrincipalTag/missing, 'none'}", 'none', true],
    ['ArnLike', 'arn:aws:iam::*:user/${aws:username}', `arn:aws:iam::${ACCOUNT}:user/alice`, true],
    ['Bool', '${aws:PrincipalTag/flag}', 'true', false],
  ];
  it.each(cases)('%s %j vs request %j → %s', (operator, policyValue, requestValue, expected) => {
    expect(holds(operator, 'custom:key', policyValue, requestValue)).toBe(expected);
  });
});

describe('operator coverage', () => {
  it('knows every operator of the user guide', () => {
    expect([...BASE_OPERATOR_NAMES].sort()).toEqual(
      [
        'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
        'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
        'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
        'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
      ].sort(),
    );
  });

  it.each([
    ['NumericEquals', 'ten'],
    ['DateEquals', 'yesterday'],
    ['Bool', 'yes'],
    ['IpAddress', '300.1.1.1/8'],
    ['IpAddress', '10.0.0.0/33'],
    ['Null', 'maybe'],
    ['NullIfExists', 'true'],
    ['ForSomeValues:StringEquals', 'x'],
  ])('%s with value %j makes the statement malformed', (operator, value) => {
    const policy = compilePolicy(
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:x': value } } } },
      { id: 'p', type: 'identity' },
    );
    expect(policy.statements[0]!.problem).toBeDefined();
    expect(evaluate({ principal, action: 's3:GetObject', resource: '*', context: { 'aws:x': value } }, [policy]).decision).toBe('implicitDeny');
  });
});
