// @vitest-environment jsdom
// The credential report's MFA card counts console users, the MFA pie every user: each says whose share it shows, so
// "29 %" and "22 %" side by side do not read as two answers to one question.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SummaryCards, SummaryCharts } from '../src/features/credential-report/components/summary-charts.tsx';
import type { ReportSummary } from '../src/features/credential-report/report-summary.ts';

// The demo account: 9 users, 7 with a console password, 2 of those with MFA, no other user with MFA.
const summary: ReportSummary = {
  users: 9,
  consoleUsers: 7,
  consoleUsersWithMfa: 2,
  mfa: { withMfa: 2, consoleWithoutMfa: 5, otherWithoutMfa: 2 },
  activeKeys: 4,
  keyAges: [],
  unused: [],
  findingsByCheck: [],
  findings: 6,
};

describe('MFA coverage on the credential report', () => {
  afterEach(cleanup);

  it('the card gives the share of console users and says so', () => {
    render(<SummaryCards summary={summary} />);
    expect(screen.getByText('MFA coverage (console users)')).toBeTruthy();
    expect(screen.getByText('29%')).toBeTruthy();
    expect(screen.getByText('2 of 7 users with a console password')).toBeTruthy();
  });

  it('the pie’s centre gives the share of all users and says so', () => {
    render(<SummaryCharts summary={summary} />);
    expect(screen.getByText('22%')).toBeTruthy();
    expect(screen.getByText('of all users')).toBeTruthy();
  });
});
