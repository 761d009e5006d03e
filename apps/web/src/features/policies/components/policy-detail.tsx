import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DetailLoadFailed } from '../../../components/detail-load-failed.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { JsonView } from '../../../components/json-view.tsx';
import { Loading } from '../../../components/loading.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import Modal from '@cloudscape-design/components/modal';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { usePolicy, type PolicyDetail as PolicyDetailData } from '../api/policies.ts';
import { DeletePolicyModal } from './delete-policy-modal.tsx';
import { EditPolicyDocument } from './edit-policy-document.tsx';
import { PolicyVersionsTable } from './policy-versions-table.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';

interface EntityRow {
  id: string;
  name: string;
  type: 'User' | 'Group' | 'Role';
  href: string;
}

export function entityRows(entities: PolicyDetailData['entities']): EntityRow[] {
  return [
    ...entities.users.map((u) => ({ id: u.userId || `user:${u.userName}`, name: u.userName, type: 'User' as const, href: detailPath.user(u.userName) })),
    ...entities.groups.map((g) => ({ id: g.groupId || `group:${g.groupName}`, name: g.groupName, type: 'Group' as const, href: detailPath.group(g.groupName) })),
    ...entities.roles.map((r) => ({ id: r.roleId || `role:${r.roleName}`, name: r.roleName, type: 'Role' as const, href: detailPath.role(r.roleName) })),
  ];
}

export function PolicyDetail({ policyArn }: { policyArn: string }) {
  const policy = usePolicy(policyArn);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const { can } = useCapabilities();
  const name = shortName(policyArn);
  if (policy.isPending) return <Loading label={`Loading ${name}`} />;
  if (policy.error) {
    return <DetailLoadFailed title={name} what={`policy ${name}`} error={policy.error} onRetry={() => void policy.refetch()} />;
  }
  const { policy: summary, document, versions, entities } = policy.data;
  const rows = entityRows(entities);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={summary.description}
          actions={
            summary.awsManaged || !can('iam:DeletePolicy') ? null : (
              <Button onClick={() => setDeleting(true)}>Delete</Button>
            )
          }
        >
          {summary.policyName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Policy details</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Type', value: summary.awsManaged ? 'AWS managed' : 'Customer managed' },
              { label: 'Creation time', value: formatDateTime(summary.createDate) },
              { label: 'Edited time', value: formatDateTime(summary.updateDate) },
              { label: 'ARN', value: <CopyToClipboard variant="inline" textToCopy={summary.arn} copySuccessText="ARN copied" copyErrorText="Could not copy" /> },
            ]}
          />
        </Container>
        <Tabs
          tabs={[
            {
              id: 'permissions',
              label: 'Permissions',
              content: (
                editing ? (
                  <EditPolicyDocument detail={policy.data} onDone={() => setEditing(false)} />
                ) : (
                  <Container
                    header={
                      <Header variant="h2" description={`Default version ${summary.defaultVersionId}.`} actions={summary.awsManaged || !can('iam:CreatePolicyVersion') ? null : <Button onClick={() => setEditing(true)}>Edit</Button>}>
                        Permissions defined in this policy
                      </Header>
                    }
                  >
                    <JsonView text={document} label="Policy document" />
                  </Container>
                )
              ),
            },
            {
              id: 'entities',
              label: `Entities attached (${rows.length})`,
              content: (
                <Table
                  items={rows}
                  trackBy="id"
                  header={<Header counter={`(${rows.length})`} description="Users, groups and roles this policy is attached to as a permissions policy.">Entities attached</Header>}
                  columnDefinitions={[
                    { id: 'name', header: 'Entity name', cell: (row) => <RouterLink href={row.href}>{row.name}</RouterLink>, isRowHeader: true },
                    { id: 'type', header: 'Entity type', cell: (row) => row.type },
                  ]}
                  empty={<Box textAlign="center" color="text-status-inactive">This policy is not attached to any entity.</Box>}
                />
              ),
            },
            {
              id: 'versions',
              label: `Policy versions (${versions.length})`,
              content: <PolicyVersionsTable detail={policy.data} />,
            },
          ]}
        />
      </SpaceBetween>
      {deleting ? <DeletePolicyModal policy={summary} onClose={() => setDeleting(false)} onDeleted={() => navigate('/policies')} /> : null}
    </ContentLayout>
  );
}
