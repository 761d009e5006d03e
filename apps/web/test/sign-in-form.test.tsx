// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from '../src/features/session/components/sign-in-form.tsx';

interface Sent {
  method: string;
  url: string;
  body: unknown;
  csrf: string | undefined;
}

const signedIn = {
  signedIn: true,
  csrfToken: 'after-sign-in',
  localMode: true,
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userId: 'AIDA1', type: 'user', userName: 'alice' },
  mfaAuthenticated: true,
  expiresAt: '2030-01-01T00:00:00Z',
  idleExpiresAt: '2030-01-01T00:00:00Z',
};

/** Stands in for the BFF: alice's demo identity needs an MFA code, 123456 is the right one. */
function fakeBff() {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ method: init.method ?? 'GET', url, body, csrf: headers['x-csrf-token'] });
    const json = (status: number, payload: unknown) => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/api/session' && (init.method ?? 'GET') === 'GET') return json(200, { signedIn: false, csrfToken: 'before', localMode: true });
    if (url === '/api/session/demo-identities') {
      return json(200, { items: [{ id: 'alice', label: 'alice', kind: 'self-service', userName: 'alice', hasMfa: true, description: 'Self-service user' }] });
    }
    if (url === '/api/session' && init.method === 'POST' && 'password' in body) {
      if (body.userName !== 'pat' || body.password !== 'Pat-first-Passw0rd-1!') {
        return json(401, { error: { message: 'Your authentication information is incorrect. Please try again.', code: 'SignInFailed', status: 401 } });
      }
      return json(200, { ...signedIn, passwordResetRequired: true });
    }
    if (url === '/api/session' && init.method === 'POST' && body.accessKeyId === 'AKIATWODEVICES000001') {
      // carol has two devices: her phone and a hardware token; the token's code is 654321.
      const devices = ['arn:aws:iam::123456789012:mfa/carol-phone', 'GAHT12345678'];
      // The first answer still lists a tablet that is removed before she types her code.
      if (!body.mfaCode) return json(401, { error: { message: 'An MFA code is required.', code: 'MfaRequired', status: 401, mfaSerialNumber: devices[0], mfaSerialNumbers: [...devices, 'arn:aws:iam::123456789012:mfa/carol-old-tablet'] } });
      if (body.serialNumber === 'arn:aws:iam::123456789012:mfa/carol-old-tablet') {
        return json(400, { error: { message: 'arn:aws:iam::123456789012:mfa/carol-old-tablet is not an MFA device of this user.', code: 'UnknownMfaDevice', status: 400, mfaSerialNumbers: devices } });
      }
      if (body.serialNumber !== 'GAHT12345678' || body.mfaCode !== '654321') return json(401, { error: { message: 'The MFA code is not valid.', code: 'InvalidMfaCode', status: 401 } });
      return json(200, signedIn);
    }
    if (url === '/api/session' && init.method === 'POST') {
      if (!body.mfaCode) return json(401, { error: { message: 'An MFA code is required.', code: 'MfaRequired', status: 401, mfaSerialNumber: 'arn:aws:iam::123456789012:mfa/alice' } });
      if (body.mfaCode !== '123456') return json(401, { error: { message: 'The MFA code is not valid.', code: 'InvalidMfaCode', status: 401, requestId: 'req-9' } });
      return json(200, signedIn);
    }
    return json(404, { error: { message: 'nope', code: 'NotFound', status: 404 } });
  });
  return sent;
}

function renderForm(onSignedIn = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SignInForm reason="expired" onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return onSignedIn;
}

describe('sign-in form', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says why the person is back on sign-in', async () => {
    fakeBff();
    renderForm();
    expect(await screen.findByText(/session expired/i)).toBeTruthy();
  });

  it('asks for the MFA code when the BFF answers MfaRequired, then repeats the sign-in with it', async () => {
    const sent = fakeBff();
    const onSignedIn = renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in as alice' }));
    const code = await screen.findByLabelText('MFA code');
    expect(screen.getByText(/mfa\/alice/)).toBeTruthy();

    fireEvent.change(code, { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The MFA code is not valid.')).toBeTruthy();
    expect(screen.getByText(/InvalidMfaCode · Request ID: req-9/)).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();

    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));

    const posts = sent.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.body)).toEqual([{ demoIdentity: 'alice' }, { demoIdentity: 'alice', mfaCode: '111111' }, { demoIdentity: 'alice', mfaCode: '123456' }]);
    expect(posts.every((call) => call.csrf === 'before')).toBe(true);
  });

  it('lets a person with several MFA devices choose the one whose code they enter', async () => {
    const sent = fakeBff();
    const onSignedIn = renderForm();
    fireEvent.change(await screen.findByLabelText('Access key ID'), { target: { value: 'AKIATWODEVICES000001' } });
    fireEvent.change(screen.getByLabelText('Secret access key'), { target: { value: 'carol-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const phone = await screen.findByRole('radio', { name: /carol-phone/ });
    const token = screen.getByRole('radio', { name: /GAHT12345678/ });
    expect((phone as HTMLInputElement).checked).toBe(true); // the first device is preselected
    // A virtual device is labelled with its name, a hardware token with its serial number.
    expect(screen.getByText('carol-phone', { exact: true })).toBeTruthy();
    expect(screen.getAllByText('GAHT12345678', { exact: true }).length).toBeGreaterThan(0);
    // The removed tablet is refused, and the choice then offers only the devices she has.
    fireEvent.click(screen.getByRole('radio', { name: /carol-old-tablet/ }));
    fireEvent.change(screen.getByLabelText('MFA code'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/is not an MFA device of this user/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('radio', { name: /carol-old-tablet/ })).toBeNull());
    expect((screen.getByRole('radio', { name: /carol-phone/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(token);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(sent.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { accessKeyId: 'AKIATWODEVICES000001', secretAccessKey: 'carol-secret' },
      { accessKeyId: 'AKIATWODEVICES000001', secretAccessKey: 'carol-secret', mfaCode: '654321', serialNumber: 'arn:aws:iam::123456789012:mfa/carol-old-tablet' },
      { accessKeyId: 'AKIATWODEVICES000001', secretAccessKey: 'carol-secret', mfaCode: '654321', serialNumber: 'GAHT12345678' },
    ]);
  });

  it('keeps Sign in disabled until both key fields are filled', async () => {
    fakeBff();
    renderForm();
    const submit = await screen.findByRole('button', { name: 'Sign in' });
    expect(submit.hasAttribute('disabled') || submit.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(screen.getByLabelText('Access key ID'), { target: { value: 'AKIAEXAMPLE' } });
    fireEvent.change(screen.getByLabelText('Secret access key'), { target: { value: 'secret' } });
    await waitFor(() => expect(submit.hasAttribute('disabled') || submit.getAttribute('aria-disabled') === 'true').toBe(false));
  });

  it('signs in with an IAM user name and password in local mode, and shows a refusal without saying which part was wrong', async () => {
    const sent = fakeBff();
    const onSignedIn = renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with password' }));
    fireEvent.change(screen.getByLabelText('IAM user name'), { target: { value: 'pat' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Your authentication information is incorrect. Please try again.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Pat-first-Passw0rd-1!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ passwordResetRequired: true })));
    expect(sent.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { accountId: '', userName: 'pat', password: 'wrong' },
      { accountId: '', userName: 'pat', password: 'Pat-first-Passw0rd-1!' },
    ]);
    // The password is not kept in the form once used.
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });
});
