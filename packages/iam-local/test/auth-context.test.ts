import { describe, expect, it } from 'vitest';
import { globalContextKeys } from '../src/auth/authorizer.ts';
import { parseAmzDate, signaturesMatch } from '../src/auth/sigv4.ts';
import type { Caller } from '../src/auth/caller.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const facts = { now, sourceIp: '10.1.2.3', region: 'us-east-1' };
const user: Caller = { kind: 'user', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/u', userId: 'AIDAEXAMPLE', userName: 'u', accessKeyId: 'AKIA1', temporary: false };

describe('global condition keys', () => {
  it('long-term keys carry no MFA keys at all (as AWS)', () => {
    const keys = globalContextKeys(user, facts);
    expect(keys).not.toHaveProperty('aws:MultiFactorAuthPresent');
    expect(keys).not.toHaveProperty('aws:MultiFactorAuthAge');
    expect(keys).not.toHaveProperty('aws:TokenIssueTime');
    expect(keys).toMatchObject({ 'aws:CurrentTime': '2026-03-01T12:00:00Z', 'aws:EpochTime': '1772366400', 'aws:SourceIp': '10.1.2.3', 'aws:SecureTransport': 'false', 'aws:RequestedRegion': 'us-east-1' });
  });

  it('temporary credentials without MFA say false; with MFA true and the age in seconds', () => {
    const issued = new Date('2026-03-01T11:00:00Z');
    expect(globalContextKeys({ ...user, temporary: true, tokenIssuedAt: issued }, facts)).toMatchObject({ 'aws:MultiFactorAuthPresent': 'false', 'aws:TokenIssueTime': '2026-03-01T11:00:00Z' });
    const mfa = globalContextKeys({ ...user, temporary: true, tokenIssuedAt: issued, mfaAuthenticatedAt: new Date('2026-03-01T11:30:00Z') }, facts);
    expect(mfa).toMatchObject({ 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '1800' });
  });
});

describe('SigV4 pieces', () => {
  it('parses X-Amz-Date strictly', () => {
    expect(parseAmzDate('20260301T120000Z')?.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(parseAmzDate('20260230T120000Z')).toBeUndefined();
    expect(parseAmzDate('2026-03-01T12:00:00Z')).toBeUndefined();
  });

  it('compares signatures of any length without throwing', () => {
    expect(signaturesMatch('abc', 'abc')).toBe(true);
    expect(signaturesMatch('abc', 'abd')).toBe(false);
    expect(signaturesMatch('abc', 'abcd')).toBe(false);
  });
});
