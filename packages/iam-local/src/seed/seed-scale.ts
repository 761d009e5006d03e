// `--seed scale --users N`: a large account for benchmarks (ListUsers paging, the credential report, auth). One
// transaction through the model functions; the only slow primitive (password hashing) runs once, shared by every
// user with a console password. Deterministic shape: user i gets the same keys/MFA/password pattern every run.
import type { AccountState } from '../protocol/operation.ts';
import { getAccount } from '../model/account.ts';
import { createAccessKey, setAccessKeyHistory, updateAccessKeyStatus } from '../model/access-keys.ts';
import { userOwner } from '../model/credential-owner.ts';
import { hashPassword } from '../model/password-hash.ts';
import { insertLoginProfileHash, recordPasswordUse } from '../model/login-profiles.ts';
import { assignMfaDevice, registerVirtualMfaDevice } from '../model/mfa.ts';
import { createUser } from '../model/users.ts';
import { ENTITY_QUOTAS, setQuota } from '../model/account-quotas.ts';
import { addUserToGroup, createGroup } from '../model/groups.ts';
import { attachPolicy } from '../model/attachments.ts';
import { createPolicy } from '../model/managed-policies.ts';
import { writeDemoIdentities, type DemoIdentitiesFile, type DemoIdentity } from './demo-identities.ts';

export interface ScaleSeedOptions {
  users: number;
}

const DAY = 86_400_000;
const GROUPS = 20;
const POLICIES = 50;
const PATHS = ['/', '/engineering/', '/operations/', '/sales/'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const SERVICES = ['s3', 'ec2', 'iam', 'sts', 'lambda', 'dynamodb'];
export const SCALE_PASSWORD = 'Scale-Seed-Passw0rd!';

function bucketPolicy(i: number): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`] }],
  });
}

/** Seeds `users` users (with keys, some passwords and MFA), groups and policies, plus an `admin` identity. */
export async function seedScale(state: AccountState, options: ScaleSeedOptions): Promise<DemoIdentitiesFile> {
  const { db, accountId } = state;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const identities: DemoIdentity[] = [];

  db.transaction(() => {
    const root = getAccount(db)?.rootAccessKey;
    if (!root) throw new Error('The account has no active root access key to seed around');
    identities.push({ id: 'root', label: 'Root user', kind: 'root', description: 'The account root user.', ...root });
    // As an account owner would have AWS raise it: to the next thousand that fits the N users and the admin.
    setQuota(db, 'UsersQuota', Math.max(ENTITY_QUOTAS.UsersQuota.default, Math.ceil((options.users + 1) / 1000) * 1000));

    const policyArns: string[] = [];
    for (let i = 0; i < POLICIES; i++) {
      policyArns.push(createPolicy(db, accountId, { name: `bucket-${i}-read`, path: '/scale/', document: bucketPolicy(i) }, ago(400)).arn);
    }
    const groupNames: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      const group = createGroup(db, { name: `team-${String(g).padStart(2, '0')}`, path: '/' }, ago(400));
      attachPolicy(db, { type: 'group', id: group.id }, policyArns[g % POLICIES] as string);
      groupNames.push(group.name);
    }

    const admin = createUser(db, { name: 'admin', path: '/' }, ago(400));
    attachPolicy(db, { type: 'user', id: admin.id }, 'arn:aws:iam::aws:policy/AdministratorAccess');
    const adminKey = createAccessKey(db, userOwner(admin), { now: ago(10) });
    identities.push({
      id: 'admin',
      label: 'Administrator (admin)',
      kind: 'admin',
      description: 'IAM user with AdministratorAccess.',
      userName: 'admin',
      accessKeyId: adminKey.accessKeyId,
      secretAccessKey: adminKey.secretAccessKey,
    });

    for (let i = 1; i <= options.users; i++) {
      const name = `user-${String(i).padStart(5, '0')}`;
      const user = createUser(db, { name, path: PATHS[i % PATHS.length] as string }, ago(30 + (i % 700)));
      const owner = userOwner(user);
      // One user in ten joins a group.
      if (i % 10 === 0) addUserToGroup(db, groupNames[(i / 10) % GROUPS] as string, name);
      const key = createAccessKey(db, owner, { now: ago(1 + (i % 500)) });
      if (i % 3 !== 0) {
        setAccessKeyHistory(db, key.accessKeyId, {
          lastUsed: { when: ago(i % 120), service: SERVICES[i % SERVICES.length] as string, region: REGIONS[i % REGIONS.length] as string },
        });
      }
      if (i % 7 === 0) {
        const second = createAccessKey(db, owner, { now: ago(i % 60) });
        if (i % 14 === 0) updateAccessKeyStatus(db, owner, second.accessKeyId, 'Inactive');
      }
      if (i % 4 === 0) {
        insertLoginProfileHash(db, user.id, passwordHash, { created: ago(i % 200) });
        if (i % 8 === 0) recordPasswordUse(db, user.id, ago(i % 30));
      }
      if (i % 5 === 0) {
        const device = registerVirtualMfaDevice(db, { name, path: '/', now: ago(i % 100) });
        assignMfaDevice(db, owner, device.serialNumber, ago(i % 100));
      }
    }
  })();

  const file: DemoIdentitiesFile = { accountId, accountAlias: getAccount(db)?.alias ?? accountId, identities };
  writeDemoIdentities(state.dataDir, file);
  return file;
}
