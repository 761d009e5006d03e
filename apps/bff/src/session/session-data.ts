// What the BFF keeps in a server-side session. Credentials only ever appear here encrypted.
import type { Capabilities } from '@iam-console/api-contract/capabilities.ts';
import type { Identity } from '@iam-console/api-contract/session.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'iam-console.sid';

/** Who a session acts as, exactly as GET /api/session answers it. */
export type { Identity };

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
  /** After "Switch role": the role the session acts as until "Back to <user>" or its credentials expire. */
  switchedRole?: SwitchedRoleState;
  /** Signed in with a password that must be changed first (local mode); dropped once ChangePassword succeeds. */
  passwordResetRequired?: true;
}

/** A switched-to role: its sealed AssumeRole credentials are used in place of the sign-in's own (kept above). */
export interface SwitchedRoleState {
  identity: Identity;
  roleArn: string;
  /** As the switch named it: the account ID or alias. */
  account: string;
  /** With its path. */
  roleName: string;
  displayName: string;
  color?: string | undefined;
  sealedCredentials: string;
  /** On the session clock. */
  expiresAt: number;
}

declare module 'express-session' {
  interface SessionData {
    csrfToken: string;
    lastSeenAt: number;
    auth: SignedInState;
    /** When IAM last confirmed this caller may read the audit log (see services/audit-access.ts). */
    auditReadAllowedAt: number;
    /** What IAM lets the acting principal change (services/capabilities/decide.ts), and when it was asked. */
    capabilities: { arn: string; checkedAt: number; answer: Capabilities };
    /** Told once in GET /api/session: the switched-to role's credentials expired and the session went back. */
    roleSessionEnded: { roleArn: string; displayName: string; endedAt: number };
  }
}
