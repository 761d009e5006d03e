import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { awsConfigProfiles, extendSwitchRolesConfig, type ExportedRole } from './export-config.ts';

export interface ExportModalProps {
  roles: ExportedRole[];
  /** The signed-in user's MFA device, for roles that require MFA. */
  mfaSerial?: string | undefined;
  /** The role session name this console uses: the user name. */
  roleSessionName?: string | undefined;
  onDismiss: () => void;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function ConfigText({ text, file, label }: { text: string; file: string; label: string }) {
  return (
    <SpaceBetween size="s">
      <pre className="json-view" aria-label={label} data-testid={`export-${file}`}>
        {text}
      </pre>
      <SpaceBetween direction="horizontal" size="xs">
        <CopyToClipboard variant="button" textToCopy={text} copyButtonText="Copy" copySuccessText="Configuration copied" copyErrorText="Could not copy" />
        <Button iconName="download" onClick={() => download(file, text)}>
          Download
        </Button>
      </SpaceBetween>
    </SpaceBetween>
  );
}

/** The chosen roles as ~/.aws/config profiles and as an AWS Extend Switch Roles configuration. */
export function ExportModal({ roles, mfaSerial, roleSessionName, onDismiss }: ExportModalProps) {
  const [sourceProfile, setSourceProfile] = useState('default');
  const [region, setRegion] = useState('');
  const [externalIds, setExternalIds] = useState<Record<string, string>>({});
  const needExternalId = roles.filter((role) => role.requires.includes('externalId'));
  const options = { sourceProfile, region, mfaSerial, roleSessionName, externalIds };
  return (
    <Modal visible onDismiss={onDismiss} size="large" header={`Export ${roles.length === 1 ? '1 role' : `${roles.length} roles`}`} footer={<Box float="right"><Button variant="primary" onClick={onDismiss}>Close</Button></Box>}>
      <SpaceBetween size="l">
        <ColumnLayout columns={2}>
          <FormField label="Source profile" description="The profile in ~/.aws/credentials that holds your own access key.">
            <Input value={sourceProfile} onChange={({ detail }) => setSourceProfile(detail.value)} ariaLabel="Source profile" />
          </FormField>
          <FormField label={<>Region <i>- optional</i></>} description="The Region the profiles (and the extension) open.">
            <Input value={region} onChange={({ detail }) => setRegion(detail.value)} placeholder="us-east-1" ariaLabel="Region" />
          </FormField>
        </ColumnLayout>
        {needExternalId.map((role) => (
          <FormField key={role.roleArn} label={`External ID for ${role.roleName}`} description="Its trust policy requires one; ask the role's owner for it.">
            <Input value={externalIds[role.roleArn] ?? ''} onChange={({ detail }) => setExternalIds({ ...externalIds, [role.roleArn]: detail.value })} ariaLabel={`External ID for ${role.roleName}`} />
          </FormField>
        ))}
        <Tabs
          tabs={[
            { id: 'aws-config', label: 'AWS CLI (~/.aws/config)', content: <ConfigText text={awsConfigProfiles(roles, options)} file="aws-config" label="~/.aws/config profiles" /> },
            { id: 'extend-switch-roles', label: 'AWS Extend Switch Roles', content: <ConfigText text={extendSwitchRolesConfig(roles, options)} file="aws-extend-switch-roles.ini" label="AWS Extend Switch Roles configuration" /> },
          ]}
        />
      </SpaceBetween>
    </Modal>
  );
}
