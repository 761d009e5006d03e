// Who made a request, as authentication establishes it; operations, the authorizer and STS read it.

/** The authenticated caller of a request. */
export interface Caller {
  kind: 'root' | 'user' | 'assumed-role';
  accountId: string;
  /** ARN as AWS reports it: `arn:aws:iam::123456789012:root`, `…:user/path/name`, `arn:aws:sts::…:assumed-role/Role/session`. */
  arn: string;
  /** AIDA… for users, `AROA…:session` for assumed roles, the account id for root. */
  userId: string;
  /** IAM user name (users only). */
  userName?: string;
  /** Role name and session name (assumed roles only). */
  roleName?: string;
  sessionName?: string;
  accessKeyId: string;
  /** Temporary credentials carry MFA facts from GetSessionToken / AssumeRole. */
  temporary: boolean;
  mfaAuthenticatedAt?: Date;
  /** Session policy passed to AssumeRole, if any (JSON text). */
  sessionPolicy?: string;
  /** Tags of the principal, for aws:PrincipalTag. */
  principalTags?: Record<string, string>;
  /** IAM user path (users only), e.g. `/division/`. */
  userPath?: string;
  /** The assumed role's ARN with its path and its unique id (assumed roles only). */
  roleArn?: string;
  roleId?: string;
  /** Session tags passed to AssumeRole (assumed roles only); they override the role's tags of the same key. */
  sessionTags?: Record<string, string>;
  /** Keys of sessionTags that are transitive: they pass on to sessions chained from this one. */
  transitiveTagKeys?: string[];
  /** SourceIdentity set on AssumeRole (assumed roles only). */
  sourceIdentity?: string;
  /** When the temporary credentials were issued (aws:TokenIssueTime). */
  tokenIssuedAt?: Date;
  /** When the temporary credentials expire. */
  expiresAt?: Date;
  /** Temporary credentials of the local-only console sign-in with a password (users only). */
  consoleSignIn?: { passwordChangeRequired: boolean };
}
