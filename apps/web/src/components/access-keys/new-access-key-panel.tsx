import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { NewAccessKey } from '../api/users.ts';
import { downloadAccessKeyCsv } from './access-key-csv.ts';

/** A new key, shown once: copy buttons and the console's `.csv` download. Nothing here is stored. */
export function NewAccessKeyPanel({ userName, accessKey }: { userName: string; accessKey: NewAccessKey }) {
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
                textToDisplay={accessKey.secretAccessKey}
                copyButtonAriaLabel="Copy secret access key"
                copySuccessText="Secret access key copied"
                copyErrorText="Could not copy"
              />
            ),
          },
        ]}
      />
      <Button iconName="download" onClick={() => downloadAccessKeyCsv(userName, accessKey)}>
        Download .csv file
      </Button>
    </SpaceBetween>
  );
}
