// Answers as the BFF sends them, built through the API contract's schemas: a fixture that drifts from the
// contract fails where it is made.
import { session as sessionSchema } from '@iam-console/api-contract/session.ts';
import type { Session } from '@iam-console/api-contract/session.ts';
import { userDetail as userDetailSchema } from '@iam-console/api-contract/users.ts';
import type { UserDetail } from '@iam-console/api-contract/users.ts';

/** A user's detail as the BFF returns it, with nothing attached unless `changes` adds it. */
export const userDetail = (userName: string, changes: Partial<UserDetail> = {}): UserDetail =>
  userDetailSchema.parse({
    user: { userName, userId: `AIDA${userName.toUpperCase()}`, arn: `arn:aws:iam::123456789012:user/${userName}`, path: '/', createDate: '2026-01-01T00:00:00Z', tags: [] },
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    groupPolicies: [],
    accessKeys: [],
    mfaDevices: [],
    loginProfile: null,
    unavailable: [],
    ...changes,
  });

/** A signed-in session as GET /api/session answers it. */
export const signedInSession = (): Session =>
  sessionSchema.parse({
    signedIn: true, csrfToken: 'csrf-1', localMode: false, credentialChain: false,
    identity: { arn: 'arn:aws:iam::123456789012:user/admin', accountId: '123456789012', userId: 'AIDAADMIN', type: 'user', userName: 'admin', accountAlias: null },
    mfaAuthenticated: true, expiresAt: '2026-01-01T12:00:00Z', idleExpiresAt: '2026-01-01T01:00:00Z',
  });

/** The IAM console's switch-role link of a role, as role details carry it. */
export const switchRoleUrl = (roleName: string) =>
  `https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=${encodeURIComponent(roleName)}&displayName=${encodeURIComponent(roleName)}`;
