// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearNotifications, currentNotifications } from '../src/components/notifications.tsx';
import { sessionKeys, useSession } from '../src/features/session/api/session.ts';
import { SwitchedRoleBar } from '../src/features/switch-role/components/switch-role-menu.tsx';
import { switchRoleKeys } from '../src/features/switch-role/api/switch-role.ts';
import { SwitchRolePage } from '../src/features/switch-role/components/switch-role-page.tsx';
import { failure, ok, renderPage, resetPage, stubBff, type Routes } from './support/fake-bff.tsx';

const identity = { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userId: 'AIDAALICE', type: 'user' as const, userName: 'alice', accountAlias: 'acme-demo' };
const context = {
  signedInAs: identity,
  canSwitch: true,
  mfaAuthenticated: false,
  mfaSerialNumbers: ['arn:aws:iam::123456789012:mfa/alice'],
  roleChaining: false,
  maxDurationSeconds: 43_200,
  recent: [],
  unavailable: [],
};
const signedIn = {
  signedIn: true,
  csrfToken: 'token',
  localMode: true,
  credentialChain: false,
  identity: { ...identity, type: 'assumed-role' as const, arn: 'arn:aws:sts::123456789012:assumed-role/Deploy/alice', roleName: 'Deploy', userName: undefined },
  mfaAuthenticated: false,
  expiresAt: '2026-01-01T12:00:00.000Z',
  idleExpiresAt: '2026-01-01T12:00:00.000Z',
  switchedRole: { roleArn: 'arn:aws:iam::123456789012:role/ops/Deploy', account: '123456789012', accountId: '123456789012', roleName: 'ops/Deploy', displayName: 'Prod', color: 'f2b0a9' as const, expiresAt: '2026-01-01T01:00:00.000Z', signedInAs: identity },
};
const base: Routes = {
  'GET /session': ok({ signedIn: false, csrfToken: 'token', localMode: true, credentialChain: false }),
  'GET /switch-role': ok(context),
  'GET /switch-role/roles': ok({ items: [], complete: false, unavailable: [{ section: 'roles', code: 'AccessDenied', message: 'User: alice is not authorized to perform: iam:ListRoles' }] }),
};

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('the Switch role page', () => {
  afterEach(resetPage);

  it('is filled in from a switch-role link and sends what the form holds', async () => {
    const sent = stubBff({ ...base, 'POST /switch-role': ok(signedIn) });
    const search = '?account=123456789012&roleName=ops%2FDeploy&displayName=Prod&color=F2B0A9';
    renderPage(<SwitchRolePage search={search} />, `/switchrole${search}`);
    await waitFor(() => expect(field('Account').value).toBe('123456789012'));
    expect(field('Role').value).toBe('ops/Deploy');
    expect(field('Display name').value).toBe('Prod');
    expect((screen.getByRole('radio', { name: 'Red' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(field('MFA code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId('switch-role-submit'));
    await waitFor(() => expect(sent.find((r) => r.method === 'POST')).toBeTruthy());
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      account: '123456789012', roleName: 'ops/Deploy', displayName: 'Prod', color: 'f2b0a9', externalId: '', mfaCode: '123456', serialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    });
  });

  it('shows the reason of a refusal under the field it is about', async () => {
    stubBff({
      ...base,
      'POST /switch-role': {
        status: 400,
        body: { error: { message: "The session duration you chose (12 hours) is longer than the role's maximum session duration (1 hour).", code: 'ValidationError', status: 400, details: [{ path: 'durationSeconds', message: 'At most 1 hour for this role' }] } },
      },
    });
    renderPage(<SwitchRolePage search="?account=123456789012&roleName=Deploy" />);
    await waitFor(() => expect(field('Role').value).toBe('Deploy'));
    fireEvent.change(field('External ID'), { target: { value: 'ext-1' } });
    fireEvent.click(screen.getByTestId('switch-role-submit'));
    expect(await screen.findByText(/is longer than the role's maximum session duration \(1 hour\)\.$/, { selector: 'div' })).toBeTruthy();
    // Under the field, and the form keeps what was typed, to change only what was refused.
    expect(screen.getAllByText('At most 1 hour for this role').length).toBeGreaterThan(0);
    expect(field('External ID').value).toBe('ext-1');
  });

  it('refuses an unusable account or role before asking the console server', async () => {
    const sent = stubBff(base);
    renderPage(<SwitchRolePage search="?account=Not An Account&roleName=bad name" />);
    await waitFor(() => expect(field('Role').value).toBe('bad name'));
    fireEvent.click(screen.getByTestId('switch-role-submit'));
    expect(await screen.findByText('Enter the 12-digit account ID or the account alias.')).toBeTruthy();
    expect(screen.getByText(/Enter the role name after its path/)).toBeTruthy();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
  });

  it('says why "Roles I can assume" is partial', async () => {
    stubBff(base);
    renderPage(<SwitchRolePage search="" />);
    const partial = await screen.findByTestId('assumable-partial');
    expect(within(partial).getByText(/IAM did not let you read the role list \(iam:ListRoles\)/)).toBeTruthy();
  });

  it('a refused one-click switch from the role history lands in the form', async () => {
    const recent = [{ account: 'acme-demo', accountId: '123456789012', roleName: 'UpdateApp', roleArn: 'arn:aws:iam::123456789012:role/UpdateApp', displayName: 'Update', color: 'b7ca9d', switchedAt: '2026-01-01T00:00:00.000Z' }];
    stubBff({ ...base, 'GET /switch-role': ok({ ...context, recent }), 'POST /switch-role': failure(403, 'AccessDenied', 'The trust policy requires MFA.') });
    renderPage(<SwitchRolePage search="" />);
    fireEvent.click(await screen.findByTestId('recent-role'));
    await waitFor(() => expect(field('Role').value).toBe('UpdateApp'));
    expect(field('Account').value).toBe('acme-demo');
    expect(screen.getByText('The trust policy requires MFA.')).toBeTruthy();
  });

  it('keeps the session under the key the session feature reads it from', () => {
    // A switch writes the new session into the cache: the key must be the one useSession reads.
    expect(sessionKeys.current()).toEqual(['session', 'current']);
    expect(switchRoleKeys.all[0]).not.toBe(sessionKeys.all[0]);
  });
});

describe('while a role is active', () => {
  afterEach(() => {
    resetPage();
    clearNotifications();
  });

  function SessionProbe() {
    useSession();
    return null;
  }

  it('asks for the session again when the role’s credentials expire', async () => {
    const sent = stubBff(base);
    const expired = { ...signedIn.switchedRole, expiresAt: new Date(Date.now() - 2000).toISOString() };
    renderPage(
      <>
        <SessionProbe />
        <SwitchedRoleBar session={{ identity: signedIn.identity, switchedRole: expired }} />
      </>,
    );
    expect(screen.getByTestId('switched-role-band').textContent).toContain('Prod');
    await waitFor(() => expect(sent.filter((r) => r.path === '/session').length).toBeGreaterThanOrEqual(2));
  });

  it('says so once the session went back to the user', async () => {
    stubBff(base);
    const ended = { roleArn: 'arn:aws:iam::123456789012:role/ops/Deploy', displayName: 'Prod', endedAt: '2026-01-01T01:00:00.000Z' };
    renderPage(<SwitchedRoleBar session={{ identity, roleSessionEnded: ended }} />);
    await waitFor(() => expect(currentNotifications().map((n) => n.header)).toContain('Your session as Prod has ended'));
    expect(screen.queryByTestId('switched-role-band')).toBeNull();
  });
});
