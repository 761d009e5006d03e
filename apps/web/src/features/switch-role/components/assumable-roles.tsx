import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { SwitchRoleTarget } from '@iam-console/api-contract/switch-role-links.ts';
import { SwitchRoleLinks } from '../../../components/switch-role-links.tsx';
import type { AssumableRole, AssumableRoles as AssumableRolesAnswer } from '../api/switch-role.ts';

const SECTION_NAMES: Record<string, string> = {
  roles: 'the role list (iam:ListRoles)',
  ownPolicies: 'your own policies (iam:SimulatePrincipalPolicy)',
};

export interface AssumableRolesProps {
  answer: AssumableRolesAnswer | undefined;
  loading: boolean;
  error: unknown;
  /** The account as links name it (its alias when known), by account ID. */
  accountLabel: (accountId: string) => string;
  /** What a role's links carry: its display name and colour from the last switch to it, if any. */
  linkTarget: (role: AssumableRole) => SwitchRoleTarget;
  busy: boolean;
  onSwitch: (role: AssumableRole) => void;
  onExport: (roles: AssumableRole[]) => void;
}

function Requirements({ role }: { role: AssumableRole }) {
  if (role.basis === 'recent') return <Box color="text-body-secondary">Switched to before (not evaluated)</Box>;
  if (role.requires.length === 0) return <Box>-</Box>;
  return (
    <SpaceBetween direction="horizontal" size="xxs">
      {role.requires.map((need) => (
        <Badge key={need} color="blue">
          {need === 'mfa' ? 'MFA' : 'External ID'}
        </Badge>
      ))}
    </SpaceBetween>
  );
}

/** "Roles I can assume": what the trust policies and your own policies let you switch to, with their links. */
export function AssumableRoles({ answer, loading, error, accountLabel, linkTarget, busy, onSwitch, onExport }: AssumableRolesProps) {
  const [selected, setSelected] = useState<AssumableRole[]>([]);
  const items = answer?.items ?? [];
  const partial = answer && !answer.complete;
  return (
    <SpaceBetween size="s">
      {partial ? (
        <Alert type="info" header="This list may be incomplete" data-testid="assumable-partial">
          IAM did not let you read {answer.unavailable.map((u) => SECTION_NAMES[u.section] ?? u.section).join(' or ')}, so the console cannot tell which roles
          you may assume. These are the roles you switched to before. ({answer.unavailable.map((u) => `${u.code}: ${u.message}`).join(' ')})
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} header="Could not list the roles you can assume" /> : null}
      <Table
        items={items}
        loading={loading}
        loadingText="Finding the roles you can assume"
        trackBy="roleArn"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Roles to export',
          allItemsSelectionLabel: () => 'Select all roles',
          itemSelectionLabel: (_selection, role) => `Select ${role.roleName}`,
        }}
        header={
          <Header
            counter={answer ? `(${items.length})` : undefined}
            description="Roles whose trust policy and your own policies let you in. Select roles to export them as configuration."
            actions={
              <Button disabled={selected.length === 0} onClick={() => onExport(selected)}>
                Export
              </Button>
            }
          >
            Roles I can assume
          </Header>
        }
        empty={<Box textAlign="center">{partial ? 'You have not switched to a role yet.' : 'No role lets you in.'}</Box>}
        columnDefinitions={[
          { id: 'role', header: 'Role', cell: (role) => <Box fontWeight="bold">{role.roleName}</Box>, isRowHeader: true },
          { id: 'account', header: 'Account', cell: (role) => accountLabel(role.accountId) },
          { id: 'requires', header: 'Switching needs', cell: (role) => <Requirements role={role} /> },
          {
            id: 'links',
            header: 'Links to switch roles',
            cell: (role) => <SwitchRoleLinks target={linkTarget(role)} />,
          },
          {
            id: 'switch',
            header: 'Switch',
            cell: (role) => (
              <Button onClick={() => onSwitch(role)} disabled={busy} ariaLabel={`Switch to ${role.roleName}`}>
                {role.requires.length ? 'Fill in' : 'Switch role'}
              </Button>
            ),
          },
        ]}
      />
    </SpaceBetween>
  );
}
