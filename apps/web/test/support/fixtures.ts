// Answers as the BFF sends them, built through the API contract's schemas: a fixture that drifts from the
// contract fails where it is made.
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
