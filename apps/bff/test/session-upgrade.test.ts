// The MFA upgrade under a new session id: what the new session keeps of the old one.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { upgradeToMfaSession } from '../src/services/session-upgrade.ts';
import { createCredentialCipher } from '../src/session/credential-cipher.ts';
import type { SignedInState } from '../src/session/session-data.ts';
import { ACCOUNT, fakeAws, mfaUser, signInHandlers } from './helpers/fake-aws.ts';

describe('upgradeToMfaSession', () => {
  it('leaves a switched role behind: its credentials are sealed for the old session id, which the upgrade replaces', async () => {
    const cipher = createCredentialCipher(randomBytes(32));
    const now = Date.now();
    const longTerm = { accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, expiration: new Date(now + 3_600_000).toISOString() };
    const identity = { arn: mfaUser.arn, accountId: ACCOUNT, userId: 'AIDABOB', type: 'user' as const, userName: 'bob' };
    const auth: SignedInState = {
      identity,
      source: 'access-key',
      sealedCredentials: cipher.encrypt(longTerm, 'old-id'),
      mfaAuthenticated: false,
      signedInAt: now,
      credentialsExpireAt: now + 3_600_000,
      switchedRole: {
        identity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/bob`, accountId: ACCOUNT, userId: 'AROADEV:bob', type: 'assumed-role', roleName: 'Dev' },
        roleArn: `arn:aws:iam::${ACCOUNT}:role/Dev`,
        account: ACCOUNT,
        roleName: 'Dev',
        displayName: 'Dev',
        sealedCredentials: cipher.encrypt(longTerm, 'old-id'),
        expiresAt: now + 3_600_000,
      },
    };
    const aws = fakeAws(signInHandlers([mfaUser]).handlers);
    const upgraded = await upgradeToMfaSession(auth, { serialNumber: mfaUser.mfaSerial!, tokenCode: mfaUser.mfaCode! }, {
      makeClients: aws.makeClients, cipher, sessionId: 'old-id', now, absoluteMs: 8 * 3_600_000,
    });
    expect(upgraded.auth.mfaAuthenticated).toBe(true);
    expect(upgraded.auth.identity).toEqual(identity);
    expect(upgraded.auth).not.toHaveProperty('switchedRole');
    expect(upgraded.auth).not.toHaveProperty('sealedCredentials');
  });
});
