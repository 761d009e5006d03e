// What each part of My security credentials can do for the signed-in person, read from IAM's own answers: a part
// whose read call worked is open; one IAM refused with an explicit deny while the session has no MFA is locked
// until an MFA sign-in (the IAM User Guide's Force_MFA policy denies everything but MFA self-enrollment "if no
// MFA"); any other refusal is a refusal. No list of actions is kept here: IAM decides.
import type { UnavailableSection } from '@iam-console/api-contract/fields.ts';
import { refusedAction } from '../../../lib/unavailable.ts';

export type SectionName = 'accessKeys' | 'mfaDevices' | 'passwordPolicy' | 'loginProfile' | 'accessKeyLastUsed' | 'accessKeyDescriptions';

export type SectionState =
  | { kind: 'open' }
  | { kind: 'locked-until-mfa'; action: string | undefined; message: string }
  | { kind: 'refused'; action: string | undefined; message: string };

const EXPLICIT_DENY = /with an explicit deny/i;

export function sectionState(unavailable: readonly UnavailableSection[], section: SectionName, mfaAuthenticated: boolean): SectionState {
  const refusal = unavailable.find((u) => u.section === section);
  if (!refusal) return { kind: 'open' };
  const action = refusedAction(refusal);
  if (!mfaAuthenticated && EXPLICIT_DENY.test(refusal.message)) return { kind: 'locked-until-mfa', action, message: refusal.message };
  return { kind: 'refused', action, message: refusal.message };
}

/** The page's parts as the person sees them. */
export interface PageState {
  mfa: SectionState;
  accessKeys: SectionState;
  /** Change password stands on the account password policy: IAM's guide asks that users may read it to change theirs. */
  password: SectionState;
  /** Some part waits for an MFA sign-in: the page says so once, at the top, with the way there. */
  lockedUntilMfa: boolean;
}

export function pageState(unavailable: readonly UnavailableSection[], mfaAuthenticated: boolean): PageState {
  const mfa = sectionState(unavailable, 'mfaDevices', mfaAuthenticated);
  const accessKeys = sectionState(unavailable, 'accessKeys', mfaAuthenticated);
  const password = sectionState(unavailable, 'passwordPolicy', mfaAuthenticated);
  return { mfa, accessKeys, password, lockedUntilMfa: [mfa, accessKeys, password].some((s) => s.kind === 'locked-until-mfa') };
}

const DAY_MS = 86_400_000;
/** The IAM User Guide and CIS benchmarks: rotate access keys at least every 90 days. */
export const KEY_ROTATION_DAYS = 90;

export const isOlderThanRotation = (createDate: string, now: number) => now - Date.parse(createDate) > KEY_ROTATION_DAYS * DAY_MS;

/**
 * Why deactivating `accessKeyId` needs a second thought, as the BFF also checks: the person's last active key,
 * or the key this console session signed in with.
 */
export function deactivationWarnings(keys: readonly { accessKeyId: string; status: 'Active' | 'Inactive' }[], accessKeyId: string, sessionAccessKeyId: string | undefined): string[] {
  const warnings: string[] = [];
  if (!keys.some((k) => k.accessKeyId !== accessKeyId && k.status === 'Active')) {
    warnings.push('This is your only active access key: nothing can call AWS with your access keys until you activate or create one.');
  }
  if (accessKeyId === sessionAccessKeyId) {
    warnings.push('This console session signed in with this key. If you created a new access key in this session, the session switches to it; otherwise you are signed out.');
  }
  return warnings;
}
