// What the BFF keeps in a server-side session. Credentials only ever appear here encrypted.
/** The session cookie's name. */
export const SESSION_COOKIE = 'iam-console.sid';

export type PrincipalType = 'root' | 'user' | 'assumed-role';

export interface Identity {
  arn: string;
  accountId: string;
  userId: string;
  type: PrincipalType;
  userName?: string;
  roleName?: string;
  accountAlias?: string | null;
}

export interface SignedInState {
  identity: Identity;
  /**
   * 'session-token': sealed GetSessionToken credentials (sign-in with MFA); 'access-key': the sealed long-term key
   * (sign-in without MFA, see services/sign-in.ts); 'credential-chain': the SDK default chain.
   */
  source: 'session-token' | 'access-key' | 'credential-chain';
  sealedCredentials?: string;
  mfaAuthenticated: boolean;
  signedInAt: number;
  credentialsExpireAt: number;
}

declare module 'express-session' {
  interface SessionData {
    csrfToken: string;
    lastSeenAt: number;
    auth: SignedInState;
    /** When IAM last confirmed this caller may read the audit log (see services/audit-access.ts). */
    auditReadAllowedAt: number;
  }
}
