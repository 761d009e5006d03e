import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, compilePolicy, contextKeysOf, evaluate, missingContextKeys, type AuthorizationRequest, type PolicyType } from '../src/evaluate/evaluate.ts';

const ACCOUNT = '111122223333';
const alice = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
const sessionPrincipal = {
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice-session`,
  accountId: ACCOUNT,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/team/Dev`,
};

function policy(type: PolicyType, statements: object | object[], id = `${type}-policy`) {
  return compilePolicy({ Version: '2012-10-17', Statement: statements }, { id, type, name: id });
}

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', ...overrides };
}

const allowS3 = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
const denyS3 = { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' };

describe('action and resource matching', () => {
  const cases: Array<[string, object, Partial<AuthorizationRequest>, boolean]> = [
    ['exact action', { Action: 's3:GetObject', Resource: '*' }, {}, true],
    ['action is case-insensitive', { Action: 'S3:getobject', Resource: '*' }, {}, true],
    ['action wildcard *', { Action: 's3:Get*', Resource: '*' }, {}, true],
    ['action wildcard ? matches one char', { Action: 's3:GetObjec?', Resource: '*' }, {}, true],
    ['action wildcard ? needs a char', { Action: 's3:GetObject?', Resource: '*' }, {}, false],
    ['other service', { Action: 'ec2:GetObject', Resource: '*' }, {}, false],
    ['action * matches all', { Action: '*', Resource: '*' }, {}, true],
    ['action list', { Action: ['iam:GetUser', 's3:GetObject'], Resource: '*' }, {}, true],
    ['NotAction excludes listed', { NotAction: 's3:GetObject', Resource: '*' }, {}, false],
    ['NotAction includes others', { NotAction: 'iam:*', Resource: '*' }, {}, true],
    ['resource exact', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/key' }, {}, true],
    ['resource is case-sensitive', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::Bucket/key' }, {}, false],
    ['resource wildcard', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }, {}, true],
    ['resource ? wildcard', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/ke?' }, {}, true],
    ['resource prefix mismatch', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }, {}, false],
    ['NotResource excludes listed', { Action: 's3:GetObject', NotResource: 'arn:aws:s3:::bucket/*' }, {}, false],
    ['NotResource includes others', { Action: 's3:GetObject', NotResource: 'arn:aws:s3:::other/*' }, {}, true],
    [
      'region wildcard does not cross segments',
      { Action: 'sns:Publish', Resource: 'arn:aws:sns:*:111122223333:topic' },
      { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:999999999999:x:111122223333:topic' },
      false,
    ],
    [
      'account wildcard',
      { Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/alice' },
      { action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/alice` },
      true,
    ],
    ['ARN pattern does not match "*" resource', { Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/*' }, { action: 'iam:GetUser', resource: '*' }, false],
  ];
  it.each(cases)('%s', (_name, statement, overrides, allowed) => {
    const decision = evaluate(request(overrides), [policy('identity', { Effect: 'Allow', ...statement })]);
    expect(decision.decision).toBe(allowed ? 'allowed' : 'implicitDeny');
  });
});

describe('policy variables', () => {
  const own = { Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}' };
  const cases: Array<[string, object, Partial<AuthorizationRequest>, boolean]> = [
    ['aws:username from the user ARN', own, { action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/alice` }, true],
    ['aws:username does not match another user', own, { action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/bob` }, false],
    [
      'aws:username absent for a role session: the resource matches nothing',
      own,
      { principal: sessionPrincipal, action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/alice` },
      false,
    ],
    [
      'principal tag variable',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-${aws:PrincipalTag/team}/*' },
      { principal: { ...alice, tags: { team: 'blue' } }, resource: 'arn:aws:s3:::team-blue/doc' },
      true,
    ],
    [
      'variable default value',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: "arn:aws:s3:::team-${aws:PrincipalTag/team, 'company-wide'}/*" },
      { resource: 'arn:aws:s3:::team-company-wide/doc' },
      true,
    ],
    [
      '${*} is a literal asterisk',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${*}' },
      { resource: 'arn:aws:s3:::bucket/key' },
      false,
    ],
    [
      '${*} matches a real asterisk',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${*}${?}${$}' },
      { resource: 'arn:aws:s3:::bucket/*?$' },
      true,
    ],
    [
      'variable value is literal, not a wildcard',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/prefix}' },
      { principal: { ...alice, tags: { prefix: '*' } }, resource: 'arn:aws:s3:::bucket/key' },
      false,
    ],
    [
      'NotResource with a variable that has no value: the statement does not apply',
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::bucket/home/${aws:username}/*' },
      { principal: sessionPrincipal, resource: 'arn:aws:s3:::other/key' },
      false,
    ],
    [
      'NotResource with a variable that has no value still applies to another service',
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:iam::*:user/${aws:username}' },
      { principal: sessionPrincipal, resource: 'arn:aws:s3:::other/key' },
      true,
    ],
    [
      'NotResource with a resolved variable applies to other resources',
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::bucket/home/${aws:username}/*' },
      { resource: 'arn:aws:s3:::other/key' },
      true,
    ],
    [
      'context variable in a condition',
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } },
      { action: 's3:ListBucket', context: { 's3:prefix': 'home/alice/docs' } },
      true,
    ],
    [
      'context variable in a condition, other prefix',
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } },
      { action: 's3:ListBucket', context: { 's3:prefix': 'home/bob/docs' } },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, statement, overrides, allowed) => {
    const decision = evaluate(request(overrides), [policy('identity', statement)]);
    expect(decision.decision).toBe(allowed ? 'allowed' : 'implicitDeny');
  });

  it('treats ${…} literally in a policy without Version 2012-10-17', () => {
    const old = compilePolicy(
      { Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' } },
      { id: 'old', type: 'identity' },
    );
    expect(evaluate(request({ resource: 'arn:aws:s3:::b/alice' }), [old]).decision).toBe('implicitDeny');
    expect(evaluate(request({ resource: 'arn:aws:s3:::b/${aws:username}' }), [old]).decision).toBe('allowed');
  });

  it('reads context keys case-insensitively and lets explicit context override derived keys', () => {
    const p = policy('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' });
    expect(evaluate(request({ resource: 'arn:aws:s3:::b/carol', context: { 'AWS:UserName': 'carol' } }), [p]).decision).toBe('allowed');
  });
});

describe('deny paths and policy types (same account)', () => {
  const roleSessionReq = request({ principal: sessionPrincipal });
  const cases: Array<[string, Partial<AuthorizationRequest>, Array<[PolicyType, object]>, string, { policyType: PolicyType; reason: string } | undefined]> = [
    ['no policies at all', {}, [], 'implicitDeny', { policyType: 'identity', reason: 'noAllow' }],
    ['identity allow', {}, [['identity', allowS3]], 'allowed', undefined],
    ['identity deny beats identity allow', {}, [['identity', allowS3], ['identity', denyS3]], 'explicitDeny', { policyType: 'identity', reason: 'explicitDeny' }],
    ['boundary allows too', {}, [['identity', allowS3], ['permissionsBoundary', allowS3]], 'allowed', undefined],
    [
      'boundary does not allow',
      {},
      [['identity', allowS3], ['permissionsBoundary', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'implicitDeny',
      { policyType: 'permissionsBoundary', reason: 'noAllow' },
    ],
    ['boundary alone grants nothing', {}, [['permissionsBoundary', allowS3]], 'implicitDeny', { policyType: 'identity', reason: 'noAllow' }],
    ['explicit deny in boundary', {}, [['identity', allowS3], ['permissionsBoundary', denyS3]], 'explicitDeny', { policyType: 'permissionsBoundary', reason: 'explicitDeny' }],
    ['session policy allows too', roleSessionReq, [['identity', allowS3], ['session', allowS3]], 'allowed', undefined],
    [
      'session policy does not allow',
      roleSessionReq,
      [['identity', allowS3], ['session', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'implicitDeny',
      { policyType: 'session', reason: 'noAllow' },
    ],
    ['explicit deny in session policy', roleSessionReq, [['identity', allowS3], ['session', denyS3]], 'explicitDeny', { policyType: 'session', reason: 'explicitDeny' }],
    [
      'resource policy naming the user allows without identity allow, despite the boundary',
      {},
      [['resource', { ...allowS3, Principal: { AWS: alice.arn } }], ['permissionsBoundary', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'allowed',
      undefined,
    ],
    [
      'resource policy naming the session allows despite session policy',
      roleSessionReq,
      [['resource', { ...allowS3, Principal: { AWS: sessionPrincipal.arn } }], ['session', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'allowed',
      undefined,
    ],
    [
      'resource policy naming the role is limited by the session policy',
      roleSessionReq,
      [['resource', { ...allowS3, Principal: { AWS: sessionPrincipal.roleArn } }], ['session', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'implicitDeny',
      { policyType: 'session', reason: 'noAllow' },
    ],
    [
      'resource policy naming the role is limited by the boundary',
      roleSessionReq,
      [['resource', { ...allowS3, Principal: { AWS: sessionPrincipal.roleArn } }], ['permissionsBoundary', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      'implicitDeny',
      { policyType: 'permissionsBoundary', reason: 'noAllow' },
    ],
    ['resource policy naming the role allows alone', roleSessionReq, [['resource', { ...allowS3, Principal: { AWS: sessionPrincipal.roleArn } }]], 'allowed', undefined],
    [
      'resource policy naming the account needs an identity allow',
      {},
      [['resource', { ...allowS3, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }]],
      'implicitDeny',
      { policyType: 'identity', reason: 'noAllow' },
    ],
    [
      'explicit deny in a resource policy',
      {},
      [['identity', allowS3], ['resource', { ...denyS3, Principal: '*' }]],
      'explicitDeny',
      { policyType: 'resource', reason: 'explicitDeny' },
    ],
    [
      'resource policy for another principal does not allow',
      {},
      [['resource', { ...allowS3, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }]],
      'implicitDeny',
      { policyType: 'identity', reason: 'noAllow' },
    ],
    ['root user of the account is allowed without policies', { principal: { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT } }, [], 'allowed', undefined],
    [
      'root user is still bound by a resource policy deny',
      { principal: { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT } },
      [['resource', { ...denyS3, Principal: '*' }]],
      'explicitDeny',
      { policyType: 'resource', reason: 'explicitDeny' },
    ],
  ];
  it.each(cases)('%s', (_name, overrides, policies, expected, deniedBy) => {
    const compiled = policies.map(([type, statement], i) => policy(type, statement, `${type}-${i}`));
    const decision = evaluate(request(overrides), compiled);
    expect(decision.decision).toBe(expected);
    expect(decision.deniedBy).toEqual(deniedBy);
    expect(decision.explanation.length).toBeGreaterThan(10);
  });
});

describe('cross-account requests', () => {
  const other = '444455556666';
  const crossReq = request({ resourceAccountId: other });
  it('needs both the identity allow and the resource policy allow', () => {
    const identity = policy('identity', allowS3);
    const resource = policy('resource', { ...allowS3, Principal: { AWS: ACCOUNT } });
    expect(evaluate(crossReq, [identity, resource]).decision).toBe('allowed');
    const noResource = evaluate(crossReq, [identity]);
    expect(noResource.decision).toBe('implicitDeny');
    expect(noResource.deniedBy).toEqual({ policyType: 'resource', reason: 'noAllow' });
    const noIdentity = evaluate(crossReq, [resource]);
    expect(noIdentity.deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
  });
});

describe('decision details', () => {
  it('reports matched statements with Sid, index and source range from text', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {"Sid": "D", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}\n  ]\n}';
    const p = compilePolicy(text, { id: 'pid', type: 'identity', name: 'MyPolicy' });
    const allowed = evaluate(request(), [p]);
    expect(allowed.matchedStatements).toEqual([
      expect.objectContaining({ policyId: 'pid', policyName: 'MyPolicy', policyType: 'identity', statementIndex: 0, sid: 'A', effect: 'Allow' }),
    ]);
    expect(allowed.matchedStatements[0]!.range?.start).toEqual({ line: 3, column: 4 });
    const denied = evaluate(request({ action: 's3:DeleteObject' }), [p]);
    expect(denied.decision).toBe('explicitDeny');
    expect(denied.matchedStatements.map((s) => [s.sid, s.statementIndex, s.range?.start.line])).toEqual([['D', 1, 4]]);
    expect(denied.explanation).toContain('"D"');
  });

  it('explains each statement on request', () => {
    const p = policy('identity', [
      { Sid: 'WrongAction', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      { Sid: 'WrongResource', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::other/*' },
      { Sid: 'NeedsMfa', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ]);
    const decision = evaluate(request(), [p], { explain: true });
    expect(decision.statements?.map((s) => [s.sid, s.applies])).toEqual([
      ['WrongAction', false],
      ['WrongResource', false],
      ['NeedsMfa', false],
    ]);
    expect(decision.statements?.[0]?.reason).toContain('action');
    expect(decision.statements?.[1]?.reason).toContain('resource');
    expect(decision.statements?.[2]?.reason).toContain('aws:MultiFactorAuthPresent');
    expect(evaluate(request(), [p]).statements).toBeUndefined();
  });

  it('names the failed condition with its values and source range', () => {
    const text = [
      '{"Version": "2012-10-17", "Statement": [{',
      '  "Effect": "Allow", "Action": "s3:*", "Resource": "*",',
      '  "Condition": {',
      '    "StringEquals": {"aws:PrincipalAccount": "111122223333"},',
      '    "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]}',
      '  }',
      '}]}',
    ].join('\n');
    const p = compilePolicy(text, { id: 'ip', type: 'identity' });
    const trace = evaluate(request({ context: { 'aws:SourceIp': '198.51.100.7' } }), [p], { explain: true }).statements![0]!;
    expect(trace.applies).toBe(false);
    expect(trace.failedCondition).toMatchObject({
      operator: 'IpAddress',
      key: 'aws:SourceIp',
      values: ['203.0.113.0/24', '10.0.0.0/8'],
      requestValues: ['198.51.100.7'],
      range: { start: { line: 4, column: 18 } },
    });
    expect(trace.reason).toContain('198.51.100.7');
    const missing = evaluate(request(), [p], { explain: true }).statements![0]!;
    expect(missing.failedCondition?.requestValues).toEqual([]);
    expect(missing.reason).toContain('not in the request');
  });

  it('lists the context keys policies read and those a request lacks', () => {
    const p = policy('identity', [
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team}', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpc': '${aws:PrincipalTag/vpc}' }, Null: { 'AWS:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: 'malformed' },
    ]);
    expect(contextKeysOf([p])).toEqual(['aws:MultiFactorAuthPresent', 'aws:username', 'aws:PrincipalTag/team', 'aws:SourceVpc', 'aws:PrincipalTag/vpc']);
    const req = request({ principal: { ...alice, tags: { team: 'blue' } }, context: { 'aws:sourcevpc': 'vpc-1' } });
    expect(missingContextKeys(req, [p])).toEqual(['aws:MultiFactorAuthPresent', 'aws:PrincipalTag/vpc']);
  });

  it('formats AWS AccessDenied messages', () => {
    const noAllow = evaluate(request(), []);
    expect(accessDeniedMessage(request(), noAllow)).toBe(
      `User: ${alice.arn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action`,
    );
    const denied = evaluate(request(), [policy('identity', denyS3)]);
    expect(accessDeniedMessage(request(), denied)).toMatch(/with an explicit deny in an identity-based policy$/);
    const boundary = evaluate(request(), [policy('identity', allowS3), policy('permissionsBoundary', denyS3)]);
    expect(accessDeniedMessage(request(), boundary)).toMatch(/with an explicit deny in a permissions boundary$/);
  });
});

describe('malformed documents never throw and never match', () => {
  const bad: Array<[string, string | object]> = [
    ['not JSON', '{"Version": '],
    ['empty string', ''],
    ['array document', '[1,2,3]'],
    ['statement is a number', { Version: '2012-10-17', Statement: 42 }],
    ['effect in lower case', { Version: '2012-10-17', Statement: { Effect: 'allow', Action: '*', Resource: '*' } }],
    ['Action and NotAction', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', NotAction: 'iam:*', Resource: '*' } }],
    ['no Resource in identity policy', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*' } }],
    ['Principal in identity policy', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' } }],
    ['action is a number', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 5, Resource: '*' } }],
    ['unknown operator', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { a: 'b' } } } }],
    ['condition value object', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { a: { b: 1 } } } } }],
    ['numeric value not a number', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericEquals: { a: 'ten' } } } }],
    ['deeply nested', '['.repeat(10_000) + ']'.repeat(10_000)],
  ];
  it.each(bad)('%s', (_name, doc) => {
    const p = compilePolicy(doc, { id: 'bad', type: 'identity' });
    const decision = evaluate(request(), [p]);
    expect(decision.decision).toBe('implicitDeny');
    expect(decision.notes.length).toBeGreaterThan(0);
  });

  it('a malformed Deny statement denies nothing while good statements still work', () => {
    const p = policy('identity', [allowS3, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: 'nope' }]);
    const decision = evaluate(request(), [p]);
    expect(decision.decision).toBe('allowed');
    expect(decision.notes.join(' ')).toContain('Statement 1');
  });
});
