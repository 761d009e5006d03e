// The demo seed under enforcement: each seeded identity can do what its description promises, and no more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, DeleteUserCommand, GenerateCredentialReportCommand, ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { totpCode } from '../src/model/mfa.ts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';
import { sdkError, TestClock } from './helpers/fixtures.ts';

interface Identity {
  id: string;
  userName?: string;
  accessKeyId: string;
  secretAccessKey: string;
  mfa?: { serialNumber: string; base32Seed: string };
}

let t: TestServer;
let identities: Map<string, Identity>;
const clock = new TestClock();
beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', now: clock.now });
  const file = JSON.parse(readFileSync(join(t.dataDir, 'demo-identities.json'), 'utf8')) as { identities: Identity[] };
  identities = new Map(file.identities.map((i) => [i.id, i]));
}, 60_000);
afterAll(() => t.close());

const keysOf = (id: string): Keys => {
  const identity = identities.get(id)!;
  return { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey };
};

describe('demo identities', () => {
  it('every seeded key signs in as its identity', async () => {
    for (const identity of identities.values()) {
      const arn = (await t.stsAs(keysOf(identity.id)).send(new GetCallerIdentityCommand({}))).Arn;
      expect(arn).toBe(identity.userName ? `arn:aws:iam::${t.accountId}:user/${identity.userName}` : `arn:aws:iam::${t.accountId}:root`);
    }
  });

  it('the admin administers', async () => {
    const iam = t.iamAs(keysOf('admin'));
    await iam.send(new CreateUserCommand({ UserName: 'made-by-admin' }));
    await iam.send(new DeleteUserCommand({ UserName: 'made-by-admin' }));
  });

  it('alice manages her own keys only after GetSessionToken with her MFA code', async () => {
    const alice = identities.get('alice')!;
    expect((await sdkError(t.iamAs(keysOf('alice')).send(new ListAccessKeysCommand({})))).message).toContain('with an explicit deny in an identity-based policy');
    const code = totpCode(alice.mfa!.base32Seed, clock.nextStep());
    const c = (await t.stsAs(keysOf('alice')).send(new GetSessionTokenCommand({ SerialNumber: alice.mfa!.serialNumber, TokenCode: code }))).Credentials!;
    const session = t.iamAs({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    expect((await session.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.map((k) => k.AccessKeyId)).toContain(alice.accessKeyId);
    expect((await sdkError(session.send(new ListAccessKeysCommand({ UserName: 'bob' })))).name).toBe('AccessDenied');
  });

  it('bob, without MFA, is held back', async () => {
    expect((await sdkError(t.iamAs(keysOf('bob')).send(new ListAccessKeysCommand({})))).name).toBe('AccessDenied');
    expect((await sdkError(t.iamAs(keysOf('bob')).send(new ListUsersCommand({})))).name).toBe('AccessDenied');
  });

  it('the auditor reads and generates the credential report but cannot change anything', async () => {
    const iam = t.iamAs(keysOf('auditor'));
    expect((await iam.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(3);
    expect(['STARTED', 'INPROGRESS', 'COMPLETE']).toContain((await iam.send(new GenerateCredentialReportCommand({}))).State);
    expect((await sdkError(iam.send(new CreateUserCommand({ UserName: 'nope' })))).name).toBe('AccessDenied');
  });
});
