// `--seed demo`: a realistic account to explore the console with. Root credentials, an administrator, self-service
// users under the IAM User Guide's force-MFA policy (one with MFA enrolled, one without), an auditor, developers
// and service users, groups, cross-account roles with ExternalId and MFA conditions, the guide's policies as
// customer managed policies, AWS managed policies attached, and back-dated keys, passwords and MFA devices so the
// credential report and its audit findings have something to show. Everything is written in one transaction.
import type { AccountState } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import { createAccountAlias, getAccount, recordRootPasswordUse, setAccountCreateDate } from '../model/account.ts';
import { createAccessKey, setAccessKeyHistory, updateAccessKeyStatus, type NewAccessKey } from '../model/access-keys.ts';
import { userOwner } from '../model/credential-owner.ts';
import { hashPassword } from '../model/password-hash.ts';
import { insertLoginProfileHash, recordPasswordUse, setLoginProfileDates } from '../model/login-profiles.ts';
import { updatePasswordPolicy, type PasswordPolicyUpdate } from '../model/password-policy.ts';
import { assignMfaDevice, registerVirtualMfaDevice } from '../model/mfa.ts';
import { createUser, setUserBoundary, type User } from '../model/users.ts';
import { addUserToGroup, createGroup } from '../model/groups.ts';
import { attachPolicy } from '../model/attachments.ts';
import { createPolicy } from '../model/managed-policies.ts';
import { createRole } from '../model/roles.ts';
import { CUSTOMER_POLICIES, TRUST_POLICY_FILES, seedPolicyDocument } from './seed-policies.ts';
import { writeDemoIdentities, type DemoIdentitiesFile, type DemoIdentity } from './demo-identities.ts';

/** The account id the demo is meant to have (the AWS documentation's example id); the server passes it on first start. */
export const DEMO_ACCOUNT_ID = '123456789012';
export const DEMO_ACCOUNT_ALIAS = 'acme-demo';

const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;

const PASSWORD_POLICY: PasswordPolicyUpdate = {
  MinimumPasswordLength: 12,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  RequireNumbers: true,
  RequireSymbols: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 5,
  AllowUsersToChangePassword: true,
  HardExpiry: false,
};

interface KeyPlan {
  ageDays: number;
  status?: 'Active' | 'Inactive';
  lastUsed?: { daysAgo: number; service: string; region: string };
}

interface UserPlan {
  name: string;
  path?: string;
  ageDays: number;
  groups?: string[];
  policies?: string[];
  boundary?: string;
  password?: { text: string; changedDaysAgo: number; lastUsedDaysAgo?: number; resetRequired?: boolean };
  mfaEnabledDaysAgo?: number;
  keys?: KeyPlan[];
  tags?: { Key: string; Value: string }[];
  identity?: { id: string; label: string; kind: DemoIdentity['kind']; description: string };
}

const GROUPS: { name: string; path?: string; policies: string[] }[] = [
  { name: 'Admins', policies: [aws('AdministratorAccess')] },
  // The UG tutorial's group: EC2 plus Force_MFA, so nothing works until the user signs in with MFA.
  { name: 'EC2MFA', policies: [aws('AmazonEC2FullAccess'), 'Force_MFA'] },
  { name: 'Auditors', policies: [aws('SecurityAudit'), 'CredentialReportAccess'] },
  { name: 'Developers', policies: [aws('ReadOnlyAccess'), 'AllowAssumeUpdateApp', 'ManageOwnAccessKeys'] },
  { name: 'Testers', policies: [aws('ReadOnlyAccess'), 'DenyAssumeUpdateApp'] },
];

const USERS: UserPlan[] = [
  {
    name: 'admin',
    ageDays: 420,
    groups: ['Admins'],
    password: { text: 'Admin-Demo-Passw0rd!', changedDaysAgo: 30, lastUsedDaysAgo: 1 },
    keys: [{ ageDays: 30, lastUsed: { daysAgo: 0, service: 'iam', region: 'us-east-1' } }],
    tags: [{ Key: 'team', Value: 'platform' }],
    identity: { id: 'admin', label: 'Administrator (admin)', kind: 'admin', description: 'IAM user with AdministratorAccess through the Admins group.' },
  },
  {
    name: 'alice',
    ageDays: 210,
    groups: ['EC2MFA'],
    password: { text: 'Alice-Demo-Passw0rd!', changedDaysAgo: 20, lastUsedDaysAgo: 2 },
    mfaEnabledDaysAgo: 200,
    keys: [{ ageDays: 60, lastUsed: { daysAgo: 3, service: 'sts', region: 'us-east-1' } }],
    identity: {
      id: 'alice',
      label: 'Self-service user with MFA (alice)',
      kind: 'self-service',
      description: 'Under the Force_MFA policy with a virtual MFA device enrolled: signs in with an MFA code, then manages her own credentials and uses EC2.',
    },
  },
  {
    name: 'bob',
    ageDays: 15,
    groups: ['EC2MFA'],
    password: { text: 'Bob-Demo-Passw0rd!', changedDaysAgo: 15, resetRequired: true },
    keys: [{ ageDays: 15 }],
    identity: {
      id: 'bob',
      label: 'Self-service user without MFA (bob)',
      kind: 'self-service',
      description: 'Under the Force_MFA policy without an MFA device: may only enroll one until he signs in with MFA.',
    },
  },
  {
    name: 'auditor',
    ageDays: 300,
    groups: ['Auditors'],
    password: { text: 'Auditor-Demo-Passw0rd!', changedDaysAgo: 100, lastUsedDaysAgo: 7 },
    keys: [{ ageDays: 120, lastUsed: { daysAgo: 1, service: 'iam', region: 'us-east-1' } }],
    identity: { id: 'auditor', label: 'Auditor (auditor)', kind: 'auditor', description: 'SecurityAudit plus the right to generate and download the credential report.' },
  },
  {
    name: 'dana',
    ageDays: 90,
    groups: ['Developers'],
    boundary: 'DeveloperBoundary',
    password: { text: 'Dana-Demo-Passw0rd!', changedDaysAgo: 45, lastUsedDaysAgo: 5 },
    mfaEnabledDaysAgo: 85,
    keys: [{ ageDays: 30, lastUsed: { daysAgo: 0, service: 'ec2', region: 'eu-west-1' } }],
  },
  {
    name: 'erin',
    ageDays: 50,
    groups: ['Testers'],
    password: { text: 'Erin-Demo-Passw0rd!', changedDaysAgo: 50 },
  },
  {
    name: 'frank',
    ageDays: 900,
    groups: ['Developers'],
    password: { text: 'Frank-Demo-Passw0rd!', changedDaysAgo: 500, lastUsedDaysAgo: 300 },
    keys: [{ ageDays: 700, lastUsed: { daysAgo: 400, service: 's3', region: 'us-east-1' } }],
    tags: [{ Key: 'status', Value: 'left-company' }],
  },
  {
    name: 'ci-deploy',
    path: '/service/',
    ageDays: 400,
    policies: ['SSTDeploy'],
    keys: [
      { ageDays: 400, lastUsed: { daysAgo: 2, service: 'cloudformation', region: 'us-west-2' } },
      { ageDays: 10, status: 'Inactive' },
    ],
  },
  {
    name: 'legacy-batch',
    path: '/service/',
    ageDays: 800,
    policies: ['UpDeploy'],
    keys: [{ ageDays: 700, lastUsed: { daysAgo: 200, service: 's3', region: 'eu-west-1' } }],
  },
];

interface RolePlan {
  name: string;
  trust: keyof typeof TRUST_POLICY_FILES;
  description: string;
  policies: string[];
  maxSessionDuration?: number;
}

const ROLES: RolePlan[] = [
  { name: 'UpdateApp', trust: 'mfaAccountB', description: 'Developers update the production app (MFA required).', policies: ['ProductionApp-RW'] },
  {
    name: 'ExampleCorpAuditor',
    trust: 'externalId',
    description: 'Third-party auditor from Example Corp; ExternalId required, so API only.',
    policies: [aws('SecurityAudit')],
  },
  { name: 'BreakGlassAdmin', trust: 'mfaAccountRoot', description: 'Emergency administrator access, MFA required.', policies: [aws('AdministratorAccess')], maxSessionDuration: 3600 },
  { name: 'DeveloperReadOnly', trust: 'sessionNameIsUserName', description: 'Session name must be the caller\'s user name.', policies: [aws('ReadOnlyAccess')], maxSessionDuration: 14400 },
  { name: 'AuditedAdminTasks', trust: 'sourceIdentity', description: 'admin may assume it with source identity DiegoRamirez.', policies: [aws('IAMReadOnlyAccess')] },
];

export interface DemoSeedResult extends DemoIdentitiesFile {
  files: { identities: string; credentials: string; config: string };
  /** Policies from ./policies that are not valid identity policies and were left out, with IAM's reason. */
  skippedPolicies: { name: string; reason: string }[];
}

const DAY = 86_400_000;

/** What every step of the seed writes with: the database, the account and the clock the ages count from. */
interface SeedContext {
  readonly db: AccountState['db'];
  readonly accountId: string;
  readonly now: Date;
  /** The moment `days` days before now. */
  ago(days: number): Date;
}

/** Seeds the demo account (the account must be new: only its root key exists). */
export async function seedDemo(state: AccountState): Promise<DemoSeedResult> {
  const { db, accountId } = state;
  const now = new Date();
  const ctx: SeedContext = { db, accountId, now, ago: (days) => new Date(now.getTime() - days * DAY) };
  // Hashing is asynchronous, so it happens before the (synchronous) transaction.
  const hashes = await hashDemoPasswords();
  const identities: DemoIdentity[] = [];
  const skippedPolicies: DemoSeedResult['skippedPolicies'] = [];

  db.transaction(() => {
    identities.push(seedAccount(ctx));
    const arnOf = seedCustomerPolicies(ctx, skippedPolicies);
    seedGroups(ctx, arnOf);
    for (const plan of USERS) {
      const identity = seedUser(ctx, plan, hashes.get(plan.name), arnOf);
      if (identity) identities.push(identity);
    }
    seedRoles(ctx, arnOf);
  })();

  const file: DemoIdentitiesFile = { accountId, accountAlias: DEMO_ACCOUNT_ALIAS, identities };
  const files = writeDemoIdentities(state.dataDir, file);
  return { ...file, files, skippedPolicies };
}

/** Password hashes by user name. The demo passwords satisfy the demo password policy (test/seed.test.ts checks it). */
async function hashDemoPasswords(): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const plan of USERS) {
    if (plan.password) hashes.set(plan.name, await hashPassword(plan.password.text));
  }
  return hashes;
}

/** The account's age, alias, password policy and root user history; answers the root user's demo identity. */
function seedAccount({ db, ago }: SeedContext): DemoIdentity {
  setAccountCreateDate(db, ago(1000));
  createAccountAlias(db, DEMO_ACCOUNT_ALIAS);
  updatePasswordPolicy(db, PASSWORD_POLICY);
  recordRootPasswordUse(db, ago(10));
  const root = getAccount(db)?.rootAccessKey;
  if (!root) throw new Error('The account has no active root access key to seed around');
  setAccessKeyHistory(db, root.accessKeyId, { createDate: ago(500), lastUsed: { when: ago(10), service: 'iam', region: 'us-east-1' } });
  return {
    id: 'root',
    label: 'Root user',
    kind: 'root',
    description: 'The account root user: may do everything, and shows up in every audit as a risk.',
    accessKeyId: root.accessKeyId,
    secretAccessKey: root.secretAccessKey,
  };
}

/**
 * Creates the customer managed policies, recording those IAM refuses in `skipped`; answers the ARN of a policy
 * by its demo name (an ARN passes through).
 */
function seedCustomerPolicies({ db, accountId, ago }: SeedContext, skipped: DemoSeedResult['skippedPolicies']): (name: string) => string {
  const policyArns = new Map<string, string>();
  for (const policy of CUSTOMER_POLICIES) {
    try {
      const document = seedPolicyDocument(policy.file, accountId);
      const created = createPolicy(db, accountId, { name: policy.name, path: '/', document, description: policy.description }, ago(365));
      policyArns.set(policy.name, created.arn);
    } catch (error) {
      if (!(error instanceof IamError)) throw error;
      skipped.push({ name: policy.name, reason: error.message });
    }
  }
  return (name) => {
    if (name.startsWith('arn:')) return name;
    const arn = policyArns.get(name);
    if (!arn) throw new Error(`demo policy ${name} was not created`);
    return arn;
  };
}

function seedGroups({ db, ago }: SeedContext, arnOf: (name: string) => string): void {
  for (const group of GROUPS) {
    const created = createGroup(db, { name: group.name, path: group.path ?? '/' }, ago(500));
    for (const policy of group.policies) attachPolicy(db, { type: 'group', id: created.id }, arnOf(policy));
  }
}

/** One user with its groups, policies, boundary, password, MFA device and keys; answers its demo identity, if any. */
function seedUser(ctx: SeedContext, plan: UserPlan, passwordHash: string | undefined, arnOf: (name: string) => string): DemoIdentity | undefined {
  const { db, ago } = ctx;
  const user = createUser(db, { name: plan.name, path: plan.path ?? '/', tags: plan.tags ?? [] }, ago(plan.ageDays));
  for (const group of plan.groups ?? []) addUserToGroup(db, group, user.name);
  for (const policy of plan.policies ?? []) attachPolicy(db, { type: 'user', id: user.id }, arnOf(policy));
  if (plan.boundary) setUserBoundary(db, user.name, arnOf(plan.boundary));
  seedPassword(ctx, plan, user, passwordHash);
  const mfa = seedMfa(ctx, plan, user);
  const keys = (plan.keys ?? []).map((key) => seedKey(ctx, user, key));
  if (!plan.identity || !keys[0]) return undefined;
  return {
    ...plan.identity,
    userName: user.name,
    accessKeyId: keys[0].accessKeyId,
    secretAccessKey: keys[0].secretAccessKey,
    ...(mfa ? { mfa } : {}),
    ...(plan.password ? { password: plan.password.text } : {}),
  };
}

function seedPassword({ db, ago }: SeedContext, plan: UserPlan, user: User, hash: string | undefined): void {
  if (!plan.password || !hash) return;
  insertLoginProfileHash(db, user.id, hash, { created: ago(plan.password.changedDaysAgo), resetRequired: plan.password.resetRequired ?? false });
  setLoginProfileDates(db, user.id, { created: ago(Math.min(plan.ageDays, plan.password.changedDaysAgo + 30)), changed: ago(plan.password.changedDaysAgo) });
  if (plan.password.lastUsedDaysAgo !== undefined) recordPasswordUse(db, user.id, ago(plan.password.lastUsedDaysAgo));
}

function seedMfa({ db, ago }: SeedContext, plan: UserPlan, user: User): DemoIdentity['mfa'] {
  if (plan.mfaEnabledDaysAgo === undefined) return undefined;
  const device = registerVirtualMfaDevice(db, { name: user.name, path: '/', now: ago(plan.mfaEnabledDaysAgo) });
  assignMfaDevice(db, userOwner(user), device.serialNumber, ago(plan.mfaEnabledDaysAgo));
  return { serialNumber: device.serialNumber, base32Seed: device.base32Seed };
}

function seedKey({ db, now, ago }: SeedContext, user: User, plan: KeyPlan): NewAccessKey {
  const owner = userOwner(user);
  const key = createAccessKey(db, owner, { now: ago(plan.ageDays) });
  if (plan.status === 'Inactive') updateAccessKeyStatus(db, owner, key.accessKeyId, 'Inactive');
  if (plan.lastUsed) {
    const { daysAgo, service, region } = plan.lastUsed;
    setAccessKeyHistory(db, key.accessKeyId, { lastUsed: { when: new Date(now.getTime() - daysAgo * DAY - 3_600_000), service, region } });
  }
  return key;
}

function seedRoles({ db, accountId, ago }: SeedContext, arnOf: (name: string) => string): void {
  for (const plan of ROLES) {
    const role = createRole(
      db,
      {
        name: plan.name,
        path: '/',
        assumeRolePolicy: seedPolicyDocument(TRUST_POLICY_FILES[plan.trust], accountId),
        description: plan.description,
        maxSessionDuration: plan.maxSessionDuration,
      },
      ago(180),
    );
    for (const policy of plan.policies) attachPolicy(db, { type: 'role', id: role.id }, arnOf(policy));
  }
}
