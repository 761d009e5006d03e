import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AccountAliasPanel } from '../../features/account/components/account-alias-panel.tsx';
import { PasswordPolicyPanel } from '../../features/account/components/password-policy-panel.tsx';

export default function AccountSettingsRoute() {
  return (
    <ContentLayout header={<Header variant="h1">Account settings</Header>}>
      <SpaceBetween size="l">
        <PasswordPolicyPanel />
        <AccountAliasPanel />
      </SpaceBetween>
    </ContentLayout>
  );
}
