// Identities for HTTP tests, created through the model (not the API) so a test of one operation does not depend
// on others: a user with keys and inline policies, a role with a trust policy.
import { createAccessKey } from '../../src/model/access-keys.ts';
import { createVirtualMfaDevice, enableMfaDevice, totpCode } from '../../src/model/mfa.ts';
import { putInlinePolicy } from '../../src/model/inline-policies.ts';
import { createRole, type Role } from '../../src/model/roles.ts';
import { createUser, type User } from '../../src/model/users.ts';
import type { Keys, TestServer } from './start-server.ts';

export interface TestUser {
  user: User;
  arn: string;
  keys: Keys;
}

export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A user with one active access key and the given inline policies (name → document). */
export function addUser(t: TestServer, name: string, inline: Record<string, string> = {}, path = '/'): TestUser {
  const db = t.server.state.db;
  const user = createUser(db, { name, path }, new Date());
  for (const [policyName, document] of Object.entries(inline)) putInlinePolicy(db, { type: 'user', id: user.id, name }, policyName, document);
  const key = createAccessKey(db, { kind: 'user', userId: user.id, userName: name, path }, { now: new Date() });
  return { user, arn: `arn:aws:iam::${t.accountId}:user${path}${name}`, keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } };
}

export function addRole(t: TestServer, name: string, trust: string, options: { maxSessionDuration?: number; inline?: Record<string, string>; path?: string } = {}): Role {
  const db = t.server.state.db;
  const role = createRole(db, { name, path: options.path ?? '/', assumeRolePolicy: trust, maxSessionDuration: options.maxSessionDuration }, new Date());
  for (const [policyName, document] of Object.entries(options.inline ?? {})) putInlinePolicy(db, { type: 'role', id: role.id, name }, policyName, document);
  return role;
}

export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
  requestId: string | undefined;
}

/** The AWS error a rejected SDK call produced (fails the test if the call succeeded). */
export async function sdkError(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId };
  }
  throw new Error('expected the call to fail');
}

/** A server clock tests can move (MFA codes are single-use per 30-second step, credentials expire). */
export class TestClock {
  offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  /** Moves to the next TOTP step so a fresh code is accepted. */
  nextStep(): Date {
    this.offsetMs += 30_000;
    return this.now();
  }
}

export interface EnrolledMfa {
  serialNumber: string;
  seed: string;
  /** A code the server accepts now (moves the clock to a new step first). */
  code(): string;
}

/** Creates and enables a virtual MFA device for the user, as an authenticator app would (codes computed here). */
export async function enrollMfa(t: TestServer, user: User, clock: TestClock): Promise<EnrolledMfa> {
  const db = t.server.state.db;
  const now = clock.now();
  const device = await createVirtualMfaDevice(db, { name: `${user.name}-mfa`, path: '/', now });
  const owner = { kind: 'user', userId: user.id, userName: user.name, path: user.path } as const;
  enableMfaDevice(db, owner, device.serialNumber, totpCode(device.base32Seed, new Date(now.getTime() - 60_000)), totpCode(device.base32Seed, new Date(now.getTime() - 30_000)), now);
  return {
    serialNumber: device.serialNumber,
    seed: device.base32Seed,
    code: () => totpCode(device.base32Seed, clock.nextStep()),
  };
}

/** The keys of temporary credentials returned by GetSessionToken / AssumeRole. */
export function sessionKeys(credentials: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined): Keys {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) throw new Error('no temporary credentials in the response');
  return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken };
}
