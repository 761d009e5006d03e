// The console-style user delete against an IAM that has every credential type (real AWS does; the
// embedded endpoint has no signing certificates, SSH keys or service-specific credentials — see
// integration.test.ts for the delete there).
import { afterEach, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { ACCOUNT, admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';
import type { FakeHandler } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

/** User "sam" with one of each credential; DeleteUser refuses while any is left, as IAM does. */
function iamWithSam(overrides: Record<string, FakeHandler> = {}) {
  const left = {
    certificates: [{ UserName: 'sam', CertificateId: 'CERT1', CertificateBody: '-', Status: 'Active' }],
    sshKeys: [{ UserName: 'sam', SSHPublicKeyId: 'APKASSH1', Fingerprint: 'ab', Status: 'Active', UploadDate: new Date() }],
    serviceCredentials: [{ UserName: 'sam', ServiceSpecificCredentialId: 'ACCASERVICE1', ServiceName: 'codecommit.amazonaws.com', ServiceUserName: 'sam-at-1', Status: 'Active', CreateDate: new Date() }],
  };
  const aws = fakeAws({
    ...signInHandlers([admin]).handlers,
    GetUser: () => ({ User: { UserName: 'sam', UserId: 'AIDASAM', Arn: `arn:aws:iam::${ACCOUNT}:user/sam`, Path: '/', CreateDate: new Date() } }),
    ListAccessKeys: () => ({ AccessKeyMetadata: [], IsTruncated: false }),
    ListSigningCertificates: () => ({ Certificates: left.certificates, IsTruncated: false }),
    DeleteSigningCertificate: (i) => { left.certificates = left.certificates.filter((c) => c.CertificateId !== i.CertificateId); return {}; },
    ListSSHPublicKeys: () => ({ SSHPublicKeys: left.sshKeys, IsTruncated: false }),
    DeleteSSHPublicKey: (i) => { left.sshKeys = left.sshKeys.filter((k) => k.SSHPublicKeyId !== i.SSHPublicKeyId); return {}; },
    ListServiceSpecificCredentials: () => ({ ServiceSpecificCredentials: left.serviceCredentials }),
    DeleteServiceSpecificCredential: (i) => { left.serviceCredentials = left.serviceCredentials.filter((c) => c.ServiceSpecificCredentialId !== i.ServiceSpecificCredentialId); return {}; },
    ListMFADevices: () => ({ MFADevices: [], IsTruncated: false }),
    DeleteLoginProfile: () => { throw awsError('NoSuchEntity', 'Login Profile for User sam cannot be found.', 404); },
    ListAttachedUserPolicies: () => ({ AttachedPolicies: [], IsTruncated: false }),
    ListUserPolicies: () => ({ PolicyNames: [], IsTruncated: false }),
    ListGroupsForUser: () => ({ Groups: [], IsTruncated: false }),
    DeleteUser: () => {
      const blocking = Object.entries(left).filter(([, items]) => items.length > 0).map(([kind]) => kind);
      if (blocking.length) throw awsError('DeleteConflict', `Cannot delete entity, must remove ${blocking.join(', ')} first.`, 409);
      return {};
    },
    ...overrides,
  });
  h = createHarness(aws.makeClients);
  return aws;
}

async function signedIn() {
  const b = await browser(h.app);
  expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
  return b;
}

describe('deleting a user with every kind of credential', () => {
  it('deletes signing certificates, SSH keys and service-specific credentials first, as the IAM console does', async () => {
    const aws = iamWithSam();
    const res = await (await signedIn()).delete('/api/users/sam');
    expect(res.status).toBe(204);
    const deletes = aws.calls.filter((c) => c.command.startsWith('Delete')).map((c) => c.command);
    expect(deletes).toEqual(['DeleteSigningCertificate', 'DeleteSSHPublicKey', 'DeleteServiceSpecificCredential', 'DeleteLoginProfile', 'DeleteUser']);
    expect(aws.calls.find((c) => c.command === 'DeleteServiceSpecificCredential')?.input).toEqual({ UserName: 'sam', ServiceSpecificCredentialId: 'ACCASERVICE1' });
  });

  it('treats operations the endpoint does not know as nothing to delete', async () => {
    const unknown = (action: string): FakeHandler => () => { throw awsError('InvalidAction', `Could not find operation ${action} for version 2010-05-08`, 400); };
    const aws = iamWithSam({
      ListSigningCertificates: unknown('ListSigningCertificates'),
      ListSSHPublicKeys: unknown('ListSSHPublicKeys'),
      ListServiceSpecificCredentials: unknown('ListServiceSpecificCredentials'),
      DeleteUser: () => ({}),
    });
    expect((await (await signedIn()).delete('/api/users/sam')).status).toBe(204);
    expect(aws.calls.some((c) => c.command === 'DeleteUser')).toBe(true);
  });

  it('stops before DeleteUser when a list is refused, naming that list as the failed step', async () => {
    const aws = iamWithSam({
      ListServiceSpecificCredentials: () => { throw awsError('AccessDenied', `User: ${admin.arn} is not authorized to perform: iam:ListServiceSpecificCredentials on resource: arn:aws:iam::${ACCOUNT}:user/sam`, 403); },
    });
    const res = await (await signedIn()).delete('/api/users/sam');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'AccessDenied', failedStep: 'List service-specific credentials' });
    expect(res.body.error.message).toMatch(/^Deleting user sam stopped at step "List service-specific credentials": You lack iam:ListServiceSpecificCredentials on arn:aws:iam::\d{12}:user\/sam .* Already done: Check the user exists; Delete signing certificate CERT1; Delete SSH public key APKASSH1\.$/);
    expect(aws.calls.some((c) => c.command === 'DeleteUser')).toBe(false);
  });
});
