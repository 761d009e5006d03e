// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleSummary } from '../src/features/roles/api/roles.ts';
import { RolesTable } from '../src/features/roles/components/roles-table.tsx';
import { accessDenied, type Answer, ok, renderPage, resetPage, type Routes, stubBff } from './support/fake-bff.tsx';
import { switchRoleUrl } from './support/fixtures.ts';

const DAY_MS = 86_400_000;
const name = (i: number) => `role-${String(i).padStart(2, '0')}`;
const summary = (roleName: string): RoleSummary => ({
  roleName,
  roleId: `AROA${roleName}`,
  arn: `arn:aws:iam::123456789012:role/${roleName}`,
  path: '/',
  createDate: '2026-01-01T00:00:00Z',
  maxSessionDuration: 3600,
});
const detail = (roleName: string, lastUsedDate?: string): Answer =>
  ok({ role: { ...summary(roleName), assumeRolePolicyDocument: '{}', tags: [], roleLastUsed: lastUsedDate ? { lastUsedDate, region: 'us-east-1' } : {} }, attachedPolicies: [], inlinePolicies: [], switchRoleUrl: switchRoleUrl(roleName), unavailable: [] });

/** 30 roles; each detail request waits until the test answers it, so the test sees how many run at once. */
function thirtyRolesWithHeldDetails() {
  const waiting: { roleName: string; answer: (value: Answer) => void }[] = [];
  const routes: Routes = { 'GET /roles': ok({ items: Array.from({ length: 30 }, (_, i) => summary(name(i + 1))) }) };
  for (let i = 1; i <= 30; i++) {
    routes[`GET /roles/${name(i)}`] = () => new Promise<Answer>((answer) => waiting.push({ roleName: name(i), answer }));
  }
  const sent = stubBff(routes);
  const detailRequests = () => sent.filter((request) => request.path.startsWith('/roles/')).map((request) => request.path.slice('/roles/'.length));
  return { waiting, detailRequests };
}

describe('roles list last activity', () => {
  afterEach(resetPage);

  it('looks up only the visible page, a few roles at a time, and shows each answer', async () => {
    const { waiting, detailRequests } = thirtyRolesWithHeldDetails();
    renderPage(<RolesTable />);
    expect(await screen.findByRole('link', { name: 'role-01' })).toBeTruthy();
    await waitFor(() => expect(detailRequests()).toHaveLength(4));
    expect(screen.getAllByTestId('last-activity-loading')).toHaveLength(25);

    // Answer whatever is waiting until the page is done: role-01 was used 2 days ago, role-02 is refused.
    while (detailRequests().length < 25 || waiting.length > 0) {
      await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
      const batch = waiting.splice(0);
      expect(batch.length).toBeLessThanOrEqual(4);
      await act(async () => {
        for (const { roleName, answer } of batch) {
          if (roleName === 'role-01') answer(detail(roleName, new Date(Date.now() - 2 * DAY_MS).toISOString()));
          else if (roleName === 'role-02') answer(accessDenied('iam:GetRole', `arn:aws:iam::123456789012:role/${roleName}`));
          else answer(detail(roleName));
        }
      });
    }

    await waitFor(() => expect(screen.queryAllByTestId('last-activity-loading')).toHaveLength(0));
    expect(detailRequests()).toHaveLength(25);
    expect(detailRequests()).not.toContain('role-26');
    expect(screen.getByText('2 days ago')).toBeTruthy();
    const unknown = screen.getByText('Unknown');
    expect(unknown.getAttribute('title')).toMatch(/You lack iam:GetRole/);
    expect(screen.getAllByText('Never')).toHaveLength(23);
  });

  it('uses the last activity ListRoles returned without asking for the detail', async () => {
    const used = { ...summary('Deployer'), roleLastUsed: { lastUsedDate: new Date(Date.now() - 3 * DAY_MS).toISOString() } };
    const sent = stubBff({ 'GET /roles': ok({ items: [used] }) });
    renderPage(<RolesTable />);
    expect(await screen.findByText('3 days ago')).toBeTruthy();
    // No role's detail (the page also asks which controls to offer, /session/capabilities).
    expect(sent.map((request) => request.path).filter((path) => path.startsWith('/roles'))).toEqual(['/roles']);
  });
});
