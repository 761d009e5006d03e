import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SwitchedRole } from '@iam-console/api-contract/session.ts';
import { readSwitchRoleQuery, splitRoleNameWithPath, type SwitchRoleTarget } from '@iam-console/api-contract/switch-role-links.ts';
import { DetailLoadFailed } from '../../../components/detail-load-failed.tsx';
import { Loading } from '../../../components/loading.tsx';
import { notifySuccess } from '../../../components/notifications.tsx';
import { useAssumableRoles, useSwitchRole, useSwitchRoleContext, type AssumableRole, type SwitchRoleRequest } from '../api/switch-role.ts';
import { AssumableRoles } from './assumable-roles.tsx';
import { ExportModal } from './export-modal.tsx';
import { RecentRoles } from './recent-roles.tsx';
import { SwitchRoleForm } from './switch-role-form.tsx';

export interface SwitchRolePageProps {
  /** The page's query: a switch-role link's `account`, `roleName`, `displayName` and `color` fill the form. */
  search: string;
  /** The role the session acts as now, if any. */
  switchedRole?: SwitchedRole | undefined;
}

/** The Switch role page (IAM User Guide, "Switching to a role (console)"). */
export function SwitchRolePage({ search, switchedRole }: SwitchRolePageProps) {
  const navigate = useNavigate();
  const context = useSwitchRoleContext();
  const assumable = useAssumableRoles();
  const switchRole = useSwitchRole();
  // A role chosen from the lists below replaces what the link filled in; the form starts over with it.
  const [prefill, setPrefill] = useState<{ key: number; target: Partial<SwitchRoleTarget> }>(() => ({ key: 0, target: readSwitchRoleQuery(search) }));
  const [exporting, setExporting] = useState<AssumableRole[] | null>(null);

  if (context.isPending) return <Loading label="Loading" />;
  if (context.error) return <DetailLoadFailed title="Switch role" what="what you may switch to" error={context.error} onRetry={() => void context.refetch()} />;
  const { signedInAs, recent } = context.data;
  const userName = signedInAs.userName ?? signedInAs.arn;
  const accountLabel = (accountId: string) => (accountId === signedInAs.accountId && signedInAs.accountAlias ? signedInAs.accountAlias : accountId);
  const chosen = prefill.target;
  const roleMaxSeconds = assumable.data?.items.find((role) => role.roleName === chosen.roleName && [role.accountId, accountLabel(role.accountId)].includes(chosen.account ?? ''))?.maxSessionDuration;

  const submit = (request: SwitchRoleRequest, oneClick = false) =>
    switchRole.mutate(request, {
      // A one-click switch that was refused lands in the form, to add what is missing (an MFA code, an external ID).
      onError: () => {
        if (oneClick) setPrefill((p) => ({ key: p.key + 1, target: { account: request.account, roleName: request.roleName, displayName: request.displayName, color: request.color } }));
      },
      onSuccess: (session) => {
        const name = session.switchedRole?.displayName ?? request.roleName;
        notifySuccess(`You are now using the role ${request.roleName} as ${name}. To go back to your own permissions, choose Back to ${userName} in the ${name} menu.`);
        navigate('/');
      },
    });
  const switchTo = (role: AssumableRole) => {
    const target = { account: accountLabel(role.accountId), roleName: role.roleName };
    if (role.requires.length) {
      // An MFA code or an external ID must be typed in first.
      setPrefill((p) => ({ key: p.key + 1, target }));
      switchRole.reset();
      window.scrollTo({ top: 0 });
    } else submit(target, true);
  };
  // A role switched to before keeps the display name and colour it was used with, in links and exports.
  const lastUse = (role: AssumableRole) => recent.find((r) => r.roleArn === role.roleArn);
  const linkTarget = (role: AssumableRole): SwitchRoleTarget => ({
    account: accountLabel(role.accountId),
    roleName: role.roleName,
    displayName: lastUse(role)?.displayName ?? splitRoleNameWithPath(role.roleName).name,
    color: lastUse(role)?.color,
  });
  const exported = (exporting ?? []).map((role) => ({ ...role, displayName: lastUse(role)?.displayName, color: lastUse(role)?.color }));

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Switching to a role sets aside your own permissions and gives you the role's, until you choose Back. The switch is authorized with your own credentials, and the role session is named after you."
        >
          Switch role
        </Header>
      }
    >
      <SpaceBetween size="l">
        {switchedRole ? (
          <Alert type="info" header={`You are using the role ${switchedRole.roleName} as ${switchedRole.displayName}`}>
            Switching to another role is authorized with {userName}'s own credentials, not the current role's.
          </Alert>
        ) : null}
        <RecentRoles roles={recent} busy={switchRole.isPending} onSwitch={(role) => submit({ account: role.account, roleName: role.roleName, displayName: role.displayName, color: role.color }, true)} />
        <SwitchRoleForm
          key={prefill.key}
          context={context.data}
          initial={chosen}
          roleMaxSeconds={roleMaxSeconds}
          busy={switchRole.isPending}
          error={switchRole.error}
          onSubmit={(request) => submit(request)}
          // Back where the person came from; a link opened in a new tab has nowhere to go back to.
          onCancel={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
        />
        <AssumableRoles
          answer={assumable.data}
          loading={assumable.isPending}
          error={assumable.error}
          accountLabel={accountLabel}
          linkTarget={linkTarget}
          busy={switchRole.isPending}
          onSwitch={switchTo}
          onExport={setExporting}
        />
      </SpaceBetween>
      {exporting ? (
        <ExportModal roles={exported} mfaSerial={context.data.mfaSerialNumbers[0]} roleSessionName={signedInAs.userName} onDismiss={() => setExporting(null)} />
      ) : null}
    </ContentLayout>
  );
}
