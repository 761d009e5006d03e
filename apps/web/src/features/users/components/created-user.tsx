import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFollowHandler } from '../../../components/router-link.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import type { NewAccessKey } from '../api/users.ts';
import { NewAccessKeyPanel } from '../../../components/access-keys/new-access-key-panel.tsx';

/** The result shown once after creation; it lives only in this component's memory. */
export interface Created {
  userName: string;
  signInUrl?: string;
  password?: string;
  accessKey?: NewAccessKey;
}

/** What the page hands over once, in words: "password and access key", "access key"… */
export const secretsOf = (created: Created): string =>
  [created.password ? 'console password' : '', created.accessKey ? 'access key' : ''].filter(Boolean).join(' and ');

/** The IAM console's heading when there is a password to retrieve; otherwise what the page shows. */
export const createdHeading = (created: Created): string =>
  created.password ? 'Retrieve password' : created.accessKey ? 'Retrieve access key' : `User ${created.userName} created`;

export function CreatedUser({ created }: { created: Created }) {
  const onFollow = useFollowHandler();
  return (
    <ContentLayout header={<Header variant="h1">{createdHeading(created)}</Header>}>
      <SpaceBetween size="l">
        <Alert type="success" header={`User ${created.userName} created`}>
          {created.password || created.accessKey
            ? `You can view and copy the user's ${secretsOf(created)} below. This is the last time ${created.password && created.accessKey ? 'they are' : 'it is'} available; leaving this page forgets ${created.password && created.accessKey ? 'them' : 'it'}.`
            : 'The user has no console password and no access key yet; add them from the Security credentials tab.'}
        </Alert>
        {created.password ? (
          <Container header={<Header variant="h2">Console sign-in details</Header>}>
            <KeyValuePairs
              columns={3}
              items={[
                ...(created.signInUrl
                  ? [{ label: 'Console sign-in URL', value: <CopyToClipboard variant="inline" textToCopy={created.signInUrl} copySuccessText="URL copied" copyErrorText="Could not copy" /> }]
                  : []),
                { label: 'User name', value: created.userName },
                {
                  label: 'Console password',
                  value: <CopyToClipboard variant="inline" textToCopy={created.password} textToDisplay={created.password} copySuccessText="Password copied" copyErrorText="Could not copy" />,
                },
              ]}
            />
          </Container>
        ) : null}
        {created.accessKey ? (
          <Container header={<Header variant="h2">Access key</Header>}>
            <NewAccessKeyPanel userName={created.userName} accessKey={created.accessKey} />
          </Container>
        ) : null}
        <SpaceBetween direction="horizontal" size="xs">
          <Button href="/users" onFollow={onFollow}>
            Return to users list
          </Button>
          <Button variant="primary" href={detailPath.user(created.userName)} onFollow={onFollow}>
            View user
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </ContentLayout>
  );
}
