// Setting a console password: the refusal a person sees names the call that would have set it.
import { afterEach, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { ACCOUNT, admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

const denied = (action: string) =>
  awsError('AccessDenied', `User: ${admin.arn} is not authorized to perform: iam:${action} on resource: arn:aws:iam::${ACCOUNT}:user/alice because no identity-based policy allows the iam:${action} action`, 403);

describe('PUT /api/users/:userName/login-profile', () => {
  it('names UpdateLoginProfile when IAM refuses to set the password (GetLoginProfile is not asked first)', async () => {
    const calls: string[] = [];
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      GetLoginProfile: () => { calls.push('GetLoginProfile'); throw denied('GetLoginProfile'); },
      UpdateLoginProfile: () => { calls.push('UpdateLoginProfile'); throw denied('UpdateLoginProfile'); },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.put('/api/users/alice/login-profile', { password: 'Correct-Horse-Battery-9', resetRequired: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AccessDenied');
    expect(res.body.error.message).toContain('iam:UpdateLoginProfile');
    expect(calls).toEqual(['UpdateLoginProfile']);
  });

  it('creates the password when the user has none (201) and changes it when one exists (204)', async () => {
    let exists = false;
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      UpdateLoginProfile: () => {
        if (!exists) throw awsError('NoSuchEntity', 'Login Profile for User alice cannot be found.', 404);
        return {};
      },
      CreateLoginProfile: (i) => {
        exists = true;
        return { LoginProfile: { UserName: i.UserName, CreateDate: new Date(), PasswordResetRequired: i.PasswordResetRequired } };
      },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect((await b.put('/api/users/alice/login-profile', { password: 'Correct-Horse-Battery-9', resetRequired: true })).status).toBe(201);
    expect(exists).toBe(true);
    expect((await b.put('/api/users/alice/login-profile', { password: 'Correct-Horse-Battery-10', resetRequired: false })).status).toBe(204);
  });
});
