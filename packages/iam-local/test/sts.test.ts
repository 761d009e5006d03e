import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, type Credentials } from '@aws-sdk/client-sts';
import { createPolicy } from '../src/model/managed-policies.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addRole, addUser, enrollMfa, policy, sdkError, sessionKeys, TestClock, type TestUser } from './helpers/fixtures.ts';

let t: TestServer;
const clock = new TestClock();
beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
});
afterAll(() => t.close());

const secondsLeft = (c: Credentials | undefined) => Math.round((c!.Expiration!.getTime() - clock.now().getTime()) / 1000);
const trustAccount = (accountId: string, condition?: object) =>
  policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });
const allowAssume = { assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) };

describe('GetSessionToken', () => {
  it('defaults to 12 hours for a user and accepts 900 to 129600 seconds', async () => {
    const u = addUser(t, 'gst-user');
    expect(secondsLeft((await t.stsAs(u.keys).send(new GetSessionTokenCommand({}))).Credentials)).toBe(43_200);
    expect(secondsLeft((await t.stsAs(u.keys).send(new GetSessionTokenCommand({ DurationSeconds: 129_600 }))).Credentials)).toBe(129_600);
    const short = await sdkError(t.stsAs(u.keys).send(new GetSessionTokenCommand({ DurationSeconds: 899 })));
    expect(short).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(short.message).toBe("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
    const long = await sdkError(t.stsAs(u.keys).send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })));
    expect(long.message).toContain('Member must have value less than or equal to 129600');
  });

  it('caps root sessions at one hour', async () => {
    const out = await t.sts.send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    expect(secondsLeft(out.Credentials)).toBe(3600);
    expect((await t.stsAs(sessionKeys(out.Credentials)).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
  });

  it('cannot be called with session credentials', async () => {
    const u = addUser(t, 'gst-twice');
    const temp = sessionKeys((await t.stsAs(u.keys).send(new GetSessionTokenCommand({}))).Credentials);
    const e = await sdkError(t.stsAs(temp).send(new GetSessionTokenCommand({})));
    expect(e).toMatchObject({ name: 'AccessDenied', status: 403, message: 'Cannot call GetSessionToken with session credentials' });
  });

  it('verifies SerialNumber + TokenCode and refuses a wrong code or a foreign device', async () => {
    const u = addUser(t, 'gst-mfa');
    const other = addUser(t, 'gst-other');
    const mfa = await enrollMfa(t, u.user, clock);
    const otherMfa = await enrollMfa(t, other.user, clock);
    const ok = await t.stsAs(u.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }));
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const wrong = await sdkError(t.stsAs(u.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: '000000' === mfa.code() ? '111111' : '000000' })));
    expect(wrong).toMatchObject({ name: 'AccessDenied', status: 403, message: 'MultiFactorAuthentication failed with invalid MFA one time pass code. ' });
    const foreign = await sdkError(t.stsAs(u.keys).send(new GetSessionTokenCommand({ SerialNumber: otherMfa.serialNumber, TokenCode: otherMfa.code() })));
    expect(foreign.message).toMatch(/^MultiFactorAuthentication failed, unable to validate MFA code/);
  });
});

describe('AssumeRole', () => {
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(() => {
    alice = addUser(t, 'alice', allowAssume);
    bob = addUser(t, 'bob');
    addRole(t, 'TrustsAccount', trustAccount(t.accountId));
    addRole(t, 'TrustsBob', policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:user/bob` }, Action: 'sts:AssumeRole' }), { path: '/team/' });
    addRole(t, 'NeedsExternalId', trustAccount(t.accountId, { StringEquals: { 'sts:ExternalId': 'Unicorn-42' } }));
    addRole(t, 'NeedsMfa', trustAccount(t.accountId, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }));
    addRole(t, 'SessionNamed', trustAccount(t.accountId, { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } }));
    addRole(t, 'LongSessions', trustAccount(t.accountId), { maxSessionDuration: 7200, inline: allowAssume });
  });

  const roleArn = (name: string, path = '/') => `arn:aws:iam::${t.accountId}:role${path}${name}`;

  it('a trust policy naming the user is enough on its own', async () => {
    const out = await t.stsAs(bob.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsBob', '/team/'), RoleSessionName: 'bob-session' }));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/TrustsBob/bob-session`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:bob-session$/);
    expect(secondsLeft(out.Credentials)).toBe(3600);
    const identity = await t.stsAs(sessionKeys(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(out.AssumedRoleUser?.Arn);
    expect(identity.UserId).toBe(out.AssumedRoleUser?.AssumedRoleId);
  });

  it('a trust policy naming the account also needs an identity-based allow', async () => {
    const denied = await sdkError(t.stsAs(bob.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 's1' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toBe(
      `User: ${bob.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('TrustsAccount')} because no identity-based policy allows the sts:AssumeRole action`,
    );
    const out = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 's1' }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('refuses a role the trust policy does not open to the caller, and a role that does not exist, alike', async () => {
    const notTrusted = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsBob', '/team/'), RoleSessionName: 's1' })));
    expect(notTrusted.message).toBe(`User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('TrustsBob', '/team/')}`);
    const missing = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('NoSuchRole'), RoleSessionName: 's1' })));
    expect(missing).toMatchObject({ name: 'AccessDenied', message: `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('NoSuchRole')}` });
    const wrongPath = await sdkError(t.stsAs(bob.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsBob'), RoleSessionName: 's1' })));
    expect(wrongPath.name).toBe('AccessDenied');
  });

  it('root may not assume roles', async () => {
    const e = await sdkError(t.sts.send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'root' })));
    expect(e).toMatchObject({ name: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
  });

  it('checks ExternalId through sts:ExternalId', async () => {
    const arn = roleArn('NeedsExternalId');
    expect((await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })))).name).toBe('AccessDenied');
    expect((await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', ExternalId: 'Unicorn-41' })))).name).toBe('AccessDenied');
    const out = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', ExternalId: 'Unicorn-42' }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('an MFA condition holds with SerialNumber + TokenCode or an MFA session, not with a bare long-term key', async () => {
    const arn = roleArn('NeedsMfa');
    const mfa = await enrollMfa(t, alice.user, clock);
    expect((await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })))).name).toBe('AccessDenied');
    const withCode = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }));
    expect(withCode.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const wrongCode = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1', SerialNumber: mfa.serialNumber, TokenCode: '12345x' })));
    expect(wrongCode.name).toBe('ValidationError');
    const mfaSession = sessionKeys((await t.stsAs(alice.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }))).Credentials);
    const viaSession = await t.stsAs(mfaSession).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's2' }));
    expect(viaSession.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const plainSession = sessionKeys((await t.stsAs(alice.keys).send(new GetSessionTokenCommand({}))).Credentials);
    expect((await sdkError(t.stsAs(plainSession).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's3' })))).name).toBe('AccessDenied');
  });

  it('sees the session name as sts:RoleSessionName', async () => {
    const arn = roleArn('SessionNamed');
    expect((await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'someone-else' })))).name).toBe('AccessDenied');
    expect((await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'alice' }))).AssumedRoleUser?.Arn).toContain('/alice');
  });

  it('validates RoleSessionName as STS words it', async () => {
    const e = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'a' })));
    expect(e).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(e.message).toBe("1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2");
    const bad = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'has space' })));
    expect(bad.message).toContain("Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
  });

  it('applies the duration rules', async () => {
    const e = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 's1', DurationSeconds: 7200 })));
    expect(e).toMatchObject({ name: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    const tooShort = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 's1', DurationSeconds: 600 })));
    expect(tooShort.message).toContain("Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
    const long = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 's1', DurationSeconds: 7200 }));
    expect(secondsLeft(long.Credentials)).toBe(7200);

    // Role chaining: at most one hour.
    const chained = t.stsAs(sessionKeys(long.Credentials));
    const over = await sdkError(chained.send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 's2', DurationSeconds: 3601 })));
    expect(over.message).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    const hop = await chained.send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 's2' }));
    expect(secondsLeft(hop.Credentials)).toBe(3600);
  });

  it('limits a session by its session policy', async () => {
    const session = await t.stsAs(alice.keys).send(
      new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 'limited', Policy: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) }),
    );
    expect(session.PackedPolicySize).toBeGreaterThan(0);
    const e = await sdkError(t.stsAs(sessionKeys(session.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'hop' })));
    expect(e.message).toBe(
      `User: arn:aws:sts::${t.accountId}:assumed-role/LongSessions/limited is not authorized to perform: sts:AssumeRole on resource: ${roleArn('TrustsAccount')} because no session policy allows the sts:AssumeRole action`,
    );
    const malformed = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 'x1', Policy: '{"nope"' })));
    // STS models this error as MalformedPolicyDocumentException with the Query code MalformedPolicyDocument.
    expect(malformed.name).toBe('MalformedPolicyDocumentException');
  });

  it('uses managed policies passed as PolicyArns as session policies (their union with Policy)', async () => {
    const db = t.server.state.db;
    const getOnly = createPolicy(db, t.accountId, { name: 'SessionGetOnly', path: '/', document: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) }, new Date());
    const assume = createPolicy(db, t.accountId, { name: 'SessionAssume', path: '/', document: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }, new Date());
    const limited = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 'arns1', PolicyArns: [{ arn: getOnly.arn }] }));
    expect((await sdkError(t.stsAs(sessionKeys(limited.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'hop' })))).message).toContain(
      'because no session policy allows the sts:AssumeRole action',
    );
    const union = await t.stsAs(alice.keys).send(
      new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 'arns2', Policy: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }), PolicyArns: [{ arn: assume.arn }] }),
    );
    const hop = await t.stsAs(sessionKeys(union.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TrustsAccount'), RoleSessionName: 'hop' }));
    expect(hop.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const missing = await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('LongSessions'), RoleSessionName: 'arns3', PolicyArns: [{ arn: `arn:aws:iam::${t.accountId}:policy/Nope` }] })));
    expect(missing.name).toBe('InvalidParameterValue');
  });

  it('passes session tags to the trust policy (sts:TagSession) and refuses duplicates', async () => {
    addRole(t, 'Taggable', policy({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } }));
    const arn = roleArn('Taggable');
    const ok = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect((await sdkError(t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'tagged', Tags: [{ Key: 'team', Value: 'red' }] })))).name).toBe('AccessDenied');
    const dup = await sdkError(
      t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'TEAM', Value: 'blue' }] })),
    );
    expect(dup.name).toBe('InvalidParameterValue');
  });

  it('carries transitive session tags through role chaining, unchangeable', async () => {
    addRole(t, 'TagFirstHop', policy({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: ['sts:AssumeRole', 'sts:TagSession'] }), { inline: allowAssume });
    addRole(
      t,
      'TagSecondHop',
      policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:PrincipalTag/project': 'apollo' } } }),
      { inline: allowAssume },
    );
    const badTransitive = await sdkError(
      t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TagFirstHop'), RoleSessionName: 'hop1', Tags: [{ Key: 'project', Value: 'apollo' }], TransitiveTagKeys: ['team'] })),
    );
    expect(badTransitive).toMatchObject({ name: 'InvalidParameterValue', message: 'The specified transitive tag key must be included in the requested tags.' });
    const first = await t.stsAs(alice.keys).send(
      new AssumeRoleCommand({ RoleArn: roleArn('TagFirstHop'), RoleSessionName: 'hop1', Tags: [{ Key: 'project', Value: 'apollo' }, { Key: 'temp', Value: 'x' }], TransitiveTagKeys: ['project'] }),
    );
    const hop1 = t.stsAs(sessionKeys(first.Credentials));
    // The calling session's tags are its principal tags; the transitive one is also a tag of the next session.
    const second = await hop1.send(new AssumeRoleCommand({ RoleArn: roleArn('TagSecondHop'), RoleSessionName: 'hop2' }));
    expect(second.AssumedRoleUser?.Arn).toContain('assumed-role/TagSecondHop/hop2');
    const third = await t.stsAs(sessionKeys(second.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TagSecondHop'), RoleSessionName: 'hop3' }));
    expect(third.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const override = await sdkError(hop1.send(new AssumeRoleCommand({ RoleArn: roleArn('TagSecondHop'), RoleSessionName: 'hop2', Tags: [{ Key: 'PROJECT', Value: 'gemini' }] })));
    expect(override.name).toBe('InvalidParameterValue');
    // A tag that was not transitive stops at the first hop: the third hop's condition then fails.
    const plain = await t.stsAs(alice.keys).send(new AssumeRoleCommand({ RoleArn: roleArn('TagFirstHop'), RoleSessionName: 'hop1', Tags: [{ Key: 'project', Value: 'apollo' }] }));
    const plainSecond = await t.stsAs(sessionKeys(plain.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TagSecondHop'), RoleSessionName: 'hop2' }));
    const plainThird = await sdkError(t.stsAs(sessionKeys(plainSecond.Credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn('TagSecondHop'), RoleSessionName: 'hop3' })));
    expect(plainThird.name).toBe('AccessDenied');
  });
});
