import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ERROR_CODES } from '@iam-console/api-contract/error-codes.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useSecurityCredentials } from '../api/self-service.ts';
import { AccessKeysSection } from './access-keys-section.tsx';
import { MfaSection } from './mfa-section.tsx';
import { MfaSessionUpgrade, type UpgradeToMfaSession } from './mfa-session-upgrade.tsx';
import { PasswordSection } from './password-section.tsx';
import { pageState, sectionState } from './section-state.ts';

export interface SecurityCredentialsPageProps {
  /** From the session: what IAM locks without MFA opens once this is true. */
  mfaAuthenticated: boolean;
  upgrade: UpgradeToMfaSession;
  /** The person deactivated the key this session signed in with (and confirmed it): the sign-in is over. */
  onSessionEnded: () => void;
}

const SECTION_LABEL = { accessKeys: 'Access keys', password: 'Change password' } as const;

/** My security credentials: the signed-in person's own MFA devices, access keys and password. */
export function SecurityCredentialsPage({ mfaAuthenticated, upgrade, onSessionEnded }: SecurityCredentialsPageProps) {
  const query = useSecurityCredentials();
  const header = <Header variant="h1" description={query.data?.userName ? `IAM user ${query.data.userName}` : query.data?.principalType === 'root' ? 'Root user' : undefined}>My security credentials</Header>;
  if (query.isPending) return <ContentLayout header={header}><Loading /></ContentLayout>;
  if (query.error) {
    const role = isApiError(query.error) && query.error.code === ERROR_CODES.NoOwnCredentials;
    return (
      <ContentLayout header={header}>
        {role ? <Alert type="info" header="Signed in with a role">{query.error.message}</Alert> : <ErrorAlert error={query.error} header="Could not load your security credentials" />}
      </ContentLayout>
    );
  }
  const credentials = query.data;
  const state = pageState(credentials.unavailable, mfaAuthenticated);
  const locked = (Object.keys(SECTION_LABEL) as (keyof typeof SECTION_LABEL)[]).filter((s) => state[s].kind === 'locked-until-mfa');
  const userName = credentials.userName ?? 'root';
  return (
    <ContentLayout header={header}>
      <SpaceBetween size="l">
        {state.lockedUntilMfa ? (
          <Alert type="warning" header="Sign in with MFA to manage the rest of your credentials" data-testid="mfa-locked">
            <SpaceBetween size="s">
              <Box>
                While you are signed in without MFA, IAM explicitly denies you {locked.map((s) => SECTION_LABEL[s]).join(' and ')} (a policy such as the IAM User
                Guide’s Force_MFA allows only MFA self-service until then).{' '}
                {credentials.mfaDevices.length === 0
                  ? 'What you can do now: assign an MFA device below, then sign in with a code from it — without signing out.'
                  : 'Sign in with a code from your MFA device to open them — without signing out.'}
              </Box>
              <MfaSessionUpgrade devices={credentials.mfaDevices} upgrade={upgrade} />
            </SpaceBetween>
          </Alert>
        ) : null}
        <PasswordSection credentials={credentials} state={state.password} loginProfileState={sectionState(credentials.unavailable, 'loginProfile', mfaAuthenticated)} />
        <MfaSection userName={credentials.userName} devices={credentials.mfaDevices} state={state.mfa} mfaAuthenticated={mfaAuthenticated} upgradeOfferedAbove={state.lockedUntilMfa} upgrade={upgrade} />
        <AccessKeysSection
          userName={userName}
          keys={credentials.accessKeys}
          sessionAccessKeyId={credentials.sessionAccessKeyId}
          state={state.accessKeys}
          unavailable={credentials.unavailable}
          mfaAuthenticated={mfaAuthenticated}
          onSessionEnded={onSessionEnded}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
