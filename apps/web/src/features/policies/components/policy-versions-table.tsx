// The "Policy versions" tab: each version (its document on click), "Set as default" for a chosen version and
// "Compare" for two. "Set as default" is left out when IAM denies SetDefaultPolicyVersion.
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { JsonView } from '../../../components/json-view.tsx';
import { Loading } from '../../../components/loading.tsx';
import { about, notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { useCapabilities } from '../../../lib/capabilities.ts';
import { usePolicyVersion, useSetDefaultPolicyVersion, type PolicyDetail } from '../api/policies.ts';
import { ComparePolicyVersions } from './compare-policy-versions.tsx';
import type { VersionInfo } from './policy-versions.ts';

function VersionModal({ policyArn, versionId, onClose }: { policyArn: string; versionId: string; onClose: () => void }) {
  const version = usePolicyVersion(policyArn, versionId);
  return (
    <Modal visible size="large" header={`Policy version ${versionId}`} onDismiss={onClose}>
      {version.isPending ? (
        <Loading />
      ) : version.error ? (
        <ErrorAlert error={version.error} header={`Could not load version ${versionId}`} />
      ) : (
        <JsonView text={version.data.document} label={`Policy version ${versionId}`} />
      )}
    </Modal>
  );
}

export function PolicyVersionsTable({ detail }: { detail: PolicyDetail }) {
  const { policy, versions } = detail;
  const setDefault = useSetDefaultPolicyVersion(policy.arn);
  const { can } = useCapabilities();
  const maySetDefault = !policy.awsManaged && can('iam:SetDefaultPolicyVersion');
  const [selected, setSelected] = useState<VersionInfo[]>([]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [comparing, setComparing] = useState<[string, string] | null>(null);
  const chosen = selected.length === 1 ? selected[0] : undefined;

  const makeDefault = (versionId: string) =>
    setDefault.mutate(versionId, {
      onSuccess: () => {
        setSelected([]);
        notifySuccess(`Version ${versionId} is now the default version of ${policy.policyName}.`, { subjects: [about.part(about.policy(policy.policyName), 'versions')] });
      },
      onError: (error) => notifyError(`Could not set version ${versionId} as default`, error, { subjects: [about.part(about.policy(policy.policyName), 'versions')] }),
    });
  const compare = () => {
    // Older version on the left, as a diff reads.
    const [a, b] = [...selected].sort((x, y) => x.createDate.localeCompare(y.createDate));
    if (a && b) setComparing([a.versionId, b.versionId]);
  };

  return (
    <>
      <Table<VersionInfo>
        items={versions}
        trackBy="versionId"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail: change }) => setSelected(change.selectedItems.slice(-2))}
        ariaLabels={{ itemSelectionLabel: (_s, v) => `Select version ${v.versionId}`, allItemsSelectionLabel: () => 'Select all versions', selectionGroupLabel: 'Version selection' }}
        header={
          <Header
            counter={`(${versions.length})`}
            description="A managed policy can have up to 5 versions. Choose two to compare them."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={selected.length !== 2} onClick={compare}>
                  Compare
                </Button>
                {maySetDefault ? (
                  <Button disabled={!chosen || chosen.isDefaultVersion} loading={setDefault.isPending} onClick={() => chosen && makeDefault(chosen.versionId)}>
                    Set as default
                  </Button>
                ) : null}
              </SpaceBetween>
            }
          >
            Policy versions
          </Header>
        }
        columnDefinitions={[
          {
            id: 'version',
            header: 'Version',
            cell: (v) => (
              <Button variant="inline-link" onClick={() => setViewing(v.versionId)}>
                {v.versionId}
              </Button>
            ),
            isRowHeader: true,
          },
          { id: 'default', header: 'Default', cell: (v) => (v.isDefaultVersion ? <StatusIndicator>Default</StatusIndicator> : '-') },
          { id: 'created', header: 'Creation time', cell: (v) => formatDateTime(v.createDate) },
        ]}
      />
      {viewing ? <VersionModal policyArn={policy.arn} versionId={viewing} onClose={() => setViewing(null)} /> : null}
      {comparing ? <ComparePolicyVersions policyArn={policy.arn} before={comparing[0]} after={comparing[1]} onClose={() => setComparing(null)} /> : null}
    </>
  );
}
