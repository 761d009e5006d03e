import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { NewAccessKey } from '@iam-console/api-contract/users.ts';
import { useState } from 'react';
import { downloadAccessKeyCsv } from './access-key-csv.ts';

/**
 * A new key, shown once: copy buttons and the console's `.csv` download. Nothing here is stored. With
 * `maskSecret` the secret stays hidden until "Show" is chosen, as on the AWS console's "Retrieve access keys" page.
 */
export function NewAccessKeyPanel({ userName, accessKey, maskSecret = false }: { userName: string; accessKey: NewAccessKey; maskSecret?: boolean }) {
  const [shown, setShown] = useState(!maskSecret);
  return (
    <SpaceBetween size="m">
      <Alert type="warning" header="This is the only time the secret access key can be viewed or downloaded">
        You cannot recover it later. You can create a new access key at any time.
      </Alert>
      <KeyValuePairs
        columns={2}
        items={[
          {
            label: 'Access key ID',
            value: (
              <CopyToClipboard variant="inline" textToCopy={accessKey.accessKeyId} copyButtonAriaLabel="Copy access key ID" copySuccessText="Access key ID copied" copyErrorText="Could not copy" />
            ),
          },
          {
            label: 'Secret access key',
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={accessKey.secretAccessKey}
                textToDisplay={shown ? accessKey.secretAccessKey : '*'.repeat(16)}
                copyButtonAriaLabel="Copy secret access key"
                copySuccessText="Secret access key copied"
                copyErrorText="Could not copy"
              />
            ),
            info: maskSecret ? (
              <Button variant="inline-link" onClick={() => setShown(!shown)}>
                {shown ? 'Hide' : 'Show'}
              </Button>
            ) : undefined,
          },
        ]}
      />
      <Button iconName="download" onClick={() => downloadAccessKeyCsv(userName, accessKey)}>
        Download .csv file
      </Button>
    </SpaceBetween>
  );
}
