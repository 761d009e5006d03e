// Account-level data: summary counts, alias, password policy and the dashboard's security recommendations.
import {
  CreateAccountAliasCommand, DeleteAccountAliasCommand, DeleteAccountPasswordPolicyCommand,
  GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand,
  GetCredentialReportCommand, ListAccountAliasesCommand, UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import type { GetAccountSummaryCommandOutput, IAMClient, UpdateAccountPasswordPolicyCommandInput } from '@aws-sdk/client-iam';
import type { Recommendation } from '@iam-console/api-contract/account.ts';
import { parse } from 'csv-parse/sync';
import { awsErrorCode, isAwsError } from '../aws/errors.ts';
import { orNull, section } from './shape.ts';
import type { Unavailable } from './shape.ts';

/**
 * The account id comes from the session (any principal knows its account); the summary and the alias
 * are sections the caller may be denied, listed in `unavailable` instead of failing the whole page.
 */
export async function accountOverview(iam: IAMClient, accountId: string) {
  const unavailable: Unavailable[] = [];
  const noCounts: NonNullable<GetAccountSummaryCommandOutput['SummaryMap']> = {};
  const [summary, alias] = await Promise.all([
    section('summary', noCounts, async () => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {}, unavailable),
    section('alias', null, async () => (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0] ?? null, unavailable),
  ]);
  return { accountId, alias, summary, unavailable };
}

export async function setAlias(iam: IAMClient, alias: string) {
  const current = (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0];
  if (current === alias) return;
  // An account has at most one alias: creating a different one replaces it.
  if (current) await iam.send(new DeleteAccountAliasCommand({ AccountAlias: current }));
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
}

export async function deleteAlias(iam: IAMClient) {
  const current = (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0];
  if (current) await iam.send(new DeleteAccountAliasCommand({ AccountAlias: current }));
}

export async function getPasswordPolicy(iam: IAMClient) {
  const out = await orNull(iam.send(new GetAccountPasswordPolicyCommand({})));
  return { policy: out?.PasswordPolicy ?? null };
}

export const putPasswordPolicy = (iam: IAMClient, policy: UpdateAccountPasswordPolicyCommandInput) =>
  iam.send(new UpdateAccountPasswordPolicyCommand(policy));
export const deletePasswordPolicy = (iam: IAMClient) => iam.send(new DeleteAccountPasswordPolicyCommand({}));

export type CredentialReportRow = Record<string, string>;

/** Generates (or reuses, per IAM's 4-hour rule) the credential report and parses its CSV. */
export async function credentialReport(iam: IAMClient, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<CredentialReportRow[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const state = await iam.send(new GenerateCredentialReportCommand({}));
    if (state.State === 'COMPLETE') break;
    await wait(250);
  }
  const out = await iam.send(new GetCredentialReportCommand({}));
  const csv = Buffer.from(out.Content ?? new Uint8Array()).toString('utf8');
  return parse(csv, { columns: true, skip_empty_lines: true }) as CredentialReportRow[];
}


const DAY_MS = 86_400_000;

/** Why a recommendation's status is unknown: the AWS error that kept its source from the caller. */
const notAvailable = (source: string, err: { code: string; message: string }) => `${source} is not available to you (${err.code}: ${err.message}).`;

/**
 * Each recommendation comes from the account summary or the credential report; one the caller may not read
 * leaves its recommendations `unknown` (the detail names AWS's refusal) instead of failing the whole list, as
 * GET /api/account does with its sections.
 */
export async function securityRecommendations(iam: IAMClient, now: number): Promise<Recommendation[]> {
  const refused: Unavailable[] = [];
  const summary = await section('summary', undefined, async () => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {}, refused);
  const fromSummary = (detail: string, attention: (s: NonNullable<typeof summary>) => boolean) =>
    summary
      ? { detail, status: attention(summary) ? ('attention' as const) : ('ok' as const) }
      : { detail: notAvailable('The account summary', refused[0]!), status: 'unknown' as const };
  const items: Recommendation[] = [
    {
      id: 'root-mfa', severity: 'high', title: 'Add MFA for the root user',
      ...fromSummary('The root user can do anything in the account; protect it with an MFA device.', (s) => s.AccountMFAEnabled !== 1),
    },
    {
      id: 'root-access-keys', severity: 'high', title: 'Remove the root user’s access keys',
      ...fromSummary('Use IAM users or roles for programmatic access, never the root user.', (s) => Boolean(s.AccountAccessKeysPresent)),
    },
  ];
  let rows: CredentialReportRow[] | undefined;
  let reportError = '';
  try {
    rows = (await credentialReport(iam)).filter((r) => r.user !== '<root_account>');
  } catch (err) {
    if (!isAwsError(err)) throw err;
    reportError = notAvailable('The credential report', { code: awsErrorCode(err), message: err.message });
  }
  const withoutMfa = rows?.filter((r) => r.password_enabled === 'true' && r.mfa_active !== 'true').map((r) => r.user ?? '');
  items.push({
    id: 'users-without-mfa', severity: 'medium', title: 'Require MFA for users with a console password',
    detail: rows ? 'Users who can sign in to the console should have an MFA device.' : reportError,
    status: !withoutMfa ? 'unknown' : withoutMfa.length ? 'attention' : 'ok',
    ...(withoutMfa?.length ? { affected: withoutMfa } : {}),
  });
  const old = (active: string | undefined, rotated: string | undefined) =>
    active === 'true' && rotated !== undefined && !Number.isNaN(Date.parse(rotated)) && now - Date.parse(rotated) > 90 * DAY_MS;
  const staleKeys = rows?.filter((r) => old(r.access_key_1_active, r.access_key_1_last_rotated) || old(r.access_key_2_active, r.access_key_2_last_rotated)).map((r) => r.user ?? '');
  items.push({
    id: 'old-access-keys', severity: 'medium', title: 'Rotate access keys older than 90 days',
    detail: rows ? 'Active access keys should be rotated at least every 90 days.' : reportError,
    status: !staleKeys ? 'unknown' : staleKeys.length ? 'attention' : 'ok',
    ...(staleKeys?.length ? { affected: staleKeys } : {}),
  });
  return items;
}
