// Where the running stacks are, as global-setup.ts published them, and where screenshots go.
import { join } from 'node:path';

export const STACK_ENV = {
  baseUrl: 'E2E_BASE_URL',
  iamUrl: 'E2E_IAM_URL',
  credentialsFile: 'E2E_CREDENTIALS_FILE',
  accountId: 'E2E_ACCOUNT_ID',
  shortIdleUrl: 'E2E_SHORT_IDLE_URL',
  reportsUrl: 'E2E_REPORTS_URL',
  reportsIamUrl: 'E2E_REPORTS_IAM_URL',
  reportsCredentialsFile: 'E2E_REPORTS_CREDENTIALS_FILE',
} as const;

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with playwright test (global-setup.ts starts the stack).`);
  return value;
}

export const stack = {
  get baseUrl() {
    return required(STACK_ENV.baseUrl);
  },
  get iamUrl() {
    return required(STACK_ENV.iamUrl);
  },
  get credentialsFile() {
    return required(STACK_ENV.credentialsFile);
  },
  get accountId() {
    return required(STACK_ENV.accountId);
  },
  get shortIdleUrl() {
    return required(STACK_ENV.shortIdleUrl);
  },
};

/** The auditor spec's own stack: same demo account, but no one else has generated its credential report. */
export const reportsStack = {
  get baseUrl() {
    return required(STACK_ENV.reportsUrl);
  },
  get iamUrl() {
    return required(STACK_ENV.reportsIamUrl);
  },
  get credentialsFile() {
    return required(STACK_ENV.reportsCredentialsFile);
  },
  get accountId() {
    return stack.accountId;
  },
};
