// CSRF defence, driven at the HTTP level: a state-changing request without the session's token is refused
// with 403 CsrfTokenInvalid and changes nothing; with the token the same request works.
import { GetUserCommand } from '@aws-sdk/client-iam';
import { rootIamClient } from './support/aws.ts';
import { csrfToken, expectApiError, signInWithApi } from './support/bff-api.ts';
import { expect, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';

test('sign-in itself needs the token', async ({ request }) => {
  await expectApiError(await request.post('/api/session', { data: { demoIdentity: 'admin' } }), 403, 'CsrfTokenInvalid');
  const session = await (await request.get('/api/session')).json();
  expect(session.signedIn).toBe(false);
});

test('creating and deleting a user is refused without the token and works with it', async ({ request }) => {
  const userName = uniqueName('e2e-csrf');
  const signedOutToken = await csrfToken(request);
  const token = await signInWithApi(request, 'admin');
  expect(token).not.toBe(signedOutToken);
  const iam = rootIamClient();

  await expectApiError(await request.post('/api/users', { data: { userName } }), 403, 'CsrfTokenInvalid');
  await expectApiError(await request.post('/api/users', { data: { userName }, headers: { 'x-csrf-token': 'not-the-token' } }), 403, 'CsrfTokenInvalid');
  // The token of the signed-out session stopped working when sign-in rotated it.
  await expectApiError(await request.post('/api/users', { data: { userName }, headers: { 'x-csrf-token': signedOutToken } }), 403, 'CsrfTokenInvalid');
  await expectApiError(await request.get(`/api/users/${userName}`), 404, 'NoSuchEntity');
  await expect(iam.send(new GetUserCommand({ UserName: userName }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });

  const created = await request.post('/api/users', { data: { userName }, headers: { 'x-csrf-token': token } });
  expect(created.status(), await created.text()).toBe(201);
  expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.UserName).toBe(userName);

  await expectApiError(await request.delete(`/api/users/${userName}`), 403, 'CsrfTokenInvalid');
  expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.UserName).toBe(userName);
  const deleted = await request.delete(`/api/users/${userName}`, { headers: { 'x-csrf-token': token } });
  expect(deleted.status(), await deleted.text()).toBe(204);
  await expect(iam.send(new GetUserCommand({ UserName: userName }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });

  const audit = await request.get('/api/audit-log?limit=50');
  expect(audit.status()).toBe(200);
  const { items } = (await audit.json()) as { items: { operation: string; result: string; errorCode?: string; target?: string }[] };
  expect(items).toContainEqual(expect.objectContaining({ operation: 'POST /api/users', result: 'failure', errorCode: 'CsrfTokenInvalid' }));
  expect(items).toContainEqual(expect.objectContaining({ operation: 'CreateUser', result: 'success', target: `user/${userName}` }));
});
