import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  CREDENTIAL_REPORT_COLUMNS,
  buildCredentialReportCsv,
  generateCredentialReport,
  getCredentialReport,
} from '../src/model/credential-report.ts';
import { createAccessKey, recordAccessKeyUse, updateAccessKeyStatus } from '../src/model/access-keys.ts';
import { createLoginProfile, recordPasswordUse } from '../src/model/login-profiles.ts';
import { updatePasswordPolicy } from '../src/model/password-policy.ts';
import { assignMfaDevice, createVirtualMfaDevice } from '../src/model/mfa.ts';
import { recordRootPasswordUse } from '../src/model/account.ts';
import { requireUserOwner } from '../src/model/credential-owner.ts';
import { insertUser, openTempAccount, type TempAccount } from './helpers/temp-account.ts';
import { expectIamError } from './helpers/iam-error.ts';

let temp: TempAccount;
const t = (iso: string) => new Date(iso);
beforeEach(() => {
  temp = openTempAccount('111122223333'); // account created 2026-01-01T00:00:00Z with one root key
});
afterEach(() => temp.close());

function rows(): Record<string, string>[] {
  return parse(buildCredentialReportCsv(temp.db), { columns: true }) as Record<string, string>[];
}

describe('credential report contents', () => {
  it('has the 22 columns in order and the root row first', () => {
    const csv = buildCredentialReportCsv(temp.db);
    expect(csv.split('\n')[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));
    expect(CREDENTIAL_REPORT_COLUMNS).toHaveLength(22);
    const [root] = rows();
    expect(root).toEqual({
      user: '<root_account>',
      arn: 'arn:aws:iam::111122223333:root',
      user_creation_time: '2026-01-01T00:00:00+00:00',
      password_enabled: 'not_supported',
      password_last_used: 'no_information',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-01-01T00:00:00+00:00',
      access_key_1_last_used_date: 'N/A',
      access_key_1_last_used_region: 'N/A',
      access_key_1_last_used_service: 'N/A',
      access_key_2_active: 'false',
      access_key_2_last_rotated: 'N/A',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
  });

  it('reports passwords, MFA and both keys of each user, N/A and no_information per the rules', async () => {
    recordRootPasswordUse(temp.db, t('2026-02-01T08:00:00Z'));
    insertUser(temp.db, 'bare', t('2026-01-05T00:00:00Z'));
    insertUser(temp.db, 'carol', t('2026-01-03T00:00:00Z'), '/staff/');
    const carol = requireUserOwner(temp.db, 'carol');
    updatePasswordPolicy(temp.db, { MaxPasswordAge: 90 });
    await createLoginProfile(temp.db, carol, { password: 'Carol-pass-1', passwordResetRequired: false, now: t('2026-01-10T00:00:00Z') });
    const old = createAccessKey(temp.db, carol, { now: t('2026-01-03T01:00:00Z') });
    createAccessKey(temp.db, carol, { now: t('2026-02-03T01:00:00Z') });
    updateAccessKeyStatus(temp.db, carol, old.accessKeyId, 'Inactive');
    recordAccessKeyUse(temp.db, old.accessKeyId, { service: 's3', region: 'eu-west-1', when: t('2026-01-20T12:00:00Z') });
    const device = await createVirtualMfaDevice(temp.db, { name: 'carol', path: '/', now: t('2026-01-04T00:00:00Z') });
    assignMfaDevice(temp.db, carol, device.serialNumber, t('2026-01-04T00:00:00Z'));

    const [root, bare, carolRow] = rows();
    expect(root?.password_last_used).toBe('2026-02-01T08:00:00+00:00');
    expect(bare).toMatchObject({
      user: 'bare',
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
    });
    expect(carolRow).toMatchObject({
      user: 'carol',
      arn: 'arn:aws:iam::111122223333:user/staff/carol',
      user_creation_time: '2026-01-03T00:00:00+00:00',
      password_enabled: 'true',
      password_last_used: 'no_information',
      password_last_changed: '2026-01-10T00:00:00+00:00',
      password_next_rotation: '2026-04-10T00:00:00+00:00',
      mfa_active: 'true',
      access_key_1_active: 'false',
      access_key_1_last_rotated: '2026-01-03T01:00:00+00:00',
      access_key_1_last_used_date: '2026-01-20T12:00:00+00:00',
      access_key_1_last_used_region: 'eu-west-1',
      access_key_1_last_used_service: 's3',
      access_key_2_active: 'true',
      access_key_2_last_rotated: '2026-02-03T01:00:00+00:00',
      access_key_2_last_used_date: 'N/A',
    });
    recordPasswordUse(temp.db, carol.userId, t('2026-02-10T09:30:00Z'));
    expect(rows()[2]?.password_last_used).toBe('2026-02-10T09:30:00+00:00');
  });
});

describe('generate and get: states and the 4-hour rule', () => {
  it('is not present before the first generation', async () => {
    await expectIamError(() => getCredentialReport(temp.db, t('2026-03-01T00:00:00Z')), 'ReportNotPresent');
  });

  it('STARTED first, COMPLETE within 4 hours (same report), a new report after', () => {
    const t0 = t('2026-03-01T00:00:00Z');
    expect(generateCredentialReport(temp.db, t0)).toEqual({ state: 'STARTED', description: 'No report exists. Starting a new report generation task' });
    const first = getCredentialReport(temp.db, t0);
    expect(first.reportFormat).toBe('text/csv');
    expect(first.generatedTime).toEqual(t0);
    insertUser(temp.db, 'late');
    const within = t('2026-03-01T03:59:59Z');
    expect(generateCredentialReport(temp.db, within).state).toBe('COMPLETE');
    expect(getCredentialReport(temp.db, within).content.toString()).not.toContain('late');
    const after = t('2026-03-01T04:00:00Z');
    expect(generateCredentialReport(temp.db, after).state).toBe('STARTED');
    const second = getCredentialReport(temp.db, after);
    expect(second.generatedTime).toEqual(after);
    expect(second.content.toString()).toContain('\nlate,');
  });

  it('is INPROGRESS for the generation time, with ReportInProgress from get, and counts 4 hours from completion', async () => {
    const t0 = t('2026-03-01T00:00:00Z');
    const tenSeconds = 10_000;
    expect(generateCredentialReport(temp.db, t0, tenSeconds).state).toBe('STARTED');
    const during = t('2026-03-01T00:00:09.999Z');
    expect(generateCredentialReport(temp.db, during, tenSeconds)).toEqual({ state: 'INPROGRESS', description: undefined });
    await expectIamError(() => getCredentialReport(temp.db, during), 'ReportInProgress');
    const done = t('2026-03-01T00:00:10Z');
    expect(generateCredentialReport(temp.db, done, tenSeconds).state).toBe('COMPLETE');
    expect(getCredentialReport(temp.db, done).generatedTime).toEqual(done);
    expect(generateCredentialReport(temp.db, t('2026-03-01T04:00:09Z'), tenSeconds).state).toBe('COMPLETE');
    expect(generateCredentialReport(temp.db, t('2026-03-01T04:00:10Z'), tenSeconds)).toEqual({ state: 'STARTED', description: undefined });
  });

  it('expires 4 hours after generation', async () => {
    generateCredentialReport(temp.db, t('2026-03-01T00:00:00Z'));
    await expectIamError(() => getCredentialReport(temp.db, t('2026-03-01T04:00:01Z')), 'ReportExpired');
  });
});

describe('key order', () => {
  it('reports the older key as key 1 whatever order the keys were stored in, and equal times in creation order', () => {
    insertUser(temp.db, 'dave');
    insertUser(temp.db, 'erin');
    const dave = requireUserOwner(temp.db, 'dave');
    const erin = requireUserOwner(temp.db, 'erin');
    // Dave's newer key is stored first (e.g. a clock set back between the two creations).
    createAccessKey(temp.db, dave, { now: t('2026-02-10T00:00:00Z') });
    createAccessKey(temp.db, dave, { now: t('2026-02-01T00:00:00Z'), status: 'Inactive' });
    createAccessKey(temp.db, erin, { now: t('2026-02-05T00:00:00Z'), status: 'Inactive' });
    createAccessKey(temp.db, erin, { now: t('2026-02-05T00:00:00Z') });
    const [, daveRow, erinRow] = rows();
    expect([daveRow?.user, daveRow?.access_key_1_last_rotated, daveRow?.access_key_1_active, daveRow?.access_key_2_last_rotated]).toEqual([
      'dave', '2026-02-01T00:00:00+00:00', 'false', '2026-02-10T00:00:00+00:00',
    ]);
    expect([erinRow?.user, erinRow?.access_key_1_active, erinRow?.access_key_2_active]).toEqual(['erin', 'false', 'true']);
  });
});

describe('CSV quoting', () => {
  it('quotes a user name containing a comma (allowed in IAM names) and parses back to the same cells', () => {
    insertUser(temp.db, 'smith,john');
    const csv = buildCredentialReportCsv(temp.db);
    expect(csv).toContain('\n"smith,john","arn:aws:iam::111122223333:user/smith,john",');
    expect(rows()[1]?.user).toBe('smith,john');
    expect(rows()[1]?.arn).toBe('arn:aws:iam::111122223333:user/smith,john');
  });
});
