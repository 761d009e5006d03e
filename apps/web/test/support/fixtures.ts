import type { UserDetail } from '../../src/features/users/api/users.ts';

/** A user's detail as the BFF returns it, with nothing attached unless `changes` adds it. */
export const userDetail = (userName: string, changes: Partial<UserDetail> = {}): UserDetail => ({
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
