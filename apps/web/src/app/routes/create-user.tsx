import { consoleSignInUrl, useAccount, usePasswordPolicy } from '../../features/account/api/account.ts';
import { CreateUserWizard } from '../../features/users/components/create-user-wizard.tsx';
import { useGroupOptions, useManagedPolicyOptions } from '../option-sources.ts';

export default function CreateUserRoute() {
  const passwordPolicy = usePasswordPolicy();
  const account = useAccount();
  const signInUrl = account.data ? consoleSignInUrl(account.data) : undefined;
  return (
    <CreateUserWizard
      groups={useGroupOptions()}
      policies={useManagedPolicyOptions()}
      passwordPolicy={passwordPolicy.isPending ? undefined : (passwordPolicy.data ?? null)}
      signInUrl={signInUrl}
    />
  );
}
