import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { UnknownValue } from '../../../components/unavailable-sections.tsx';
import { refusedSection } from '../../../lib/unavailable.ts';
import { consoleSignInUrl, useAccount, useSecurityRecommendations, type AccountSummary } from '../api/account.ts';
import { countNeedingAttention, toRecommendationViews } from './recommendations.ts';

const RESOURCE_COUNTS: { label: string; key: keyof AccountSummary; href?: string }[] = [
  { label: 'User groups', key: 'Groups', href: '/groups' },
  { label: 'Users', key: 'Users', href: '/users' },
  { label: 'Roles', key: 'Roles', href: '/roles' },
  { label: 'Customer managed policies', key: 'Policies', href: '/policies' },
  { label: 'MFA devices', key: 'MFADevices' },
];

function SecurityRecommendations() {
  const recommendations = useSecurityRecommendations();
  const items = recommendations.data ?? [];
  const attention = countNeedingAttention(items);
  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={recommendations.data ? `(${attention})` : undefined}
          description="Checks from the account summary and the credential report."
          actions={<Button iconName="refresh" ariaLabel="Refresh recommendations" onClick={() => void recommendations.refetch()} loading={recommendations.isFetching} />}
        >
          Security recommendations
        </Header>
      }
    >
      {recommendations.isPending ? (
        <Loading label="Checking the account" />
      ) : recommendations.error ? (
        <ErrorAlert error={recommendations.error} header="Could not load security recommendations" />
      ) : items.length === 0 ? (
        <Box color="text-status-inactive">No recommendations.</Box>
      ) : (
        <ColumnLayout borders="horizontal" columns={1}>
          {toRecommendationViews(items).map((item) => (
            <SpaceBetween key={item.id} size="xxs">
              <StatusIndicator type={item.statusType}>
                <b>{item.title}</b> — {item.statusText}
              </StatusIndicator>
              <Box variant="small">{item.detail}</Box>
              {item.affected.length > 0 ? (
                <ExpandableSection headerText={`Affected (${item.affected.length})`} variant="footer">
                  <ul>
                    {item.affected.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                </ExpandableSection>
              ) : null}
            </SpaceBetween>
          ))}
        </ColumnLayout>
      )}
    </Container>
  );
}

export function Dashboard() {
  const account = useAccount();
  const alias = account.data?.alias;
  const signInUrl = account.data ? consoleSignInUrl(account.data) : '';
  // Refused sections come back empty: show them as unknown, not as zero counts or "no alias".
  const summaryRefused = refusedSection(account.data?.unavailable, 'summary');
  const aliasRefused = refusedSection(account.data?.unavailable, 'alias');
  return (
    <ContentLayout header={<Header variant="h1">IAM Dashboard</Header>}>
      <SpaceBetween size="l">
        <SecurityRecommendations />
        <Container header={<Header variant="h2">IAM resources</Header>}>
          {account.isPending ? (
            <Loading label="Loading the account summary" />
          ) : account.error ? (
            <ErrorAlert error={account.error} header="Could not load the account summary" />
          ) : summaryRefused ? (
            <UnknownValue section={summaryRefused} />
          ) : account.data ? (
            <KeyValuePairs
              columns={4}
              items={RESOURCE_COUNTS.map(({ label, key, href }) => {
                const value = account.data.summary[key];
                const text = value === undefined ? '-' : String(value);
                return {
                  label,
                  value: (
                    <Box variant="awsui-value-large">
                      {href ? <RouterLink href={href} variant="primary" fontSize="inherit">{text}</RouterLink> : text}
                    </Box>
                  ),
                };
              })}
            />
          ) : null}
        </Container>
        {account.error ? null : (
        <Container header={<Header variant="h2">AWS Account</Header>}>
          {account.data ? (
            <KeyValuePairs
              columns={3}
              items={[
                {
                  label: 'Account ID',
                  value: (
                    <CopyToClipboard variant="inline" textToCopy={account.data.accountId} copySuccessText="Account ID copied" copyErrorText="Could not copy" />
                  ),
                },
                {
                  label: 'Account alias',
                  value: aliasRefused ? (
                    <UnknownValue section={aliasRefused} />
                  ) : (
                    <SpaceBetween size="xxs" direction="horizontal">
                      <span>{alias ?? '-'}</span>
                      <RouterLink href="/account-settings">{alias ? 'Edit' : 'Create'}</RouterLink>
                    </SpaceBetween>
                  ),
                },
                {
                  label: 'Sign-in URL for IAM users in this account',
                  value: (
                    <CopyToClipboard variant="inline" textToCopy={signInUrl} copySuccessText="Sign-in URL copied" copyErrorText="Could not copy" />
                  ),
                },
              ]}
            />
          ) : (
            <Loading />
          )}
        </Container>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
