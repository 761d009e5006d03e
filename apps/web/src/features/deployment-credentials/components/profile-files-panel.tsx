import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { saveTextFile } from '../../../lib/save-file.ts';
import './profile-files.css';
import type { ProfileFile } from '../profile-files.ts';

/** Each file the tool reads, to copy or download; made in the page, nothing is sent anywhere. */
export function ProfileFilesPanel({ files }: { files: ProfileFile[] }) {
  return (
    <ColumnLayout columns={2}>
      {files.map((file) => (
        <Container
          key={file.id}
          header={
            <Header
              variant="h3"
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <CopyToClipboard variant="button" textToCopy={file.text} copyButtonText="Copy" copyButtonAriaLabel={`Copy ${file.title}`} copySuccessText={`${file.title} copied`} copyErrorText="Could not copy" />
                  <Button iconName="download" ariaLabel={`Download ${file.title}`} onClick={() => saveTextFile(file.fileName, file.text, 'text/plain;charset=utf-8')}>
                    Download
                  </Button>
                </SpaceBetween>
              }
            >
              {file.title}
            </Header>
          }
        >
          <pre className="deployment-profile-text" data-testid={`profile-${file.id}`}>{file.text}</pre>
        </Container>
      ))}
    </ColumnLayout>
  );
}
