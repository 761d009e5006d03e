import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useSession, useUpgradeToMfaSession } from '../../features/session/api/session.ts';
import { SecurityCredentialsPage } from '../../features/self-service/components/security-credentials-page.tsx';

export default function SecurityCredentialsRoute() {
  const session = useSession();
  const upgrade = useUpgradeToMfaSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = session.data?.signedIn ? session.data : undefined;
  return (
    <SecurityCredentialsPage
      mfaAuthenticated={signedIn?.mfaAuthenticated ?? false}
      upgrade={(serialNumber, tokenCode) => upgrade.mutateAsync({ serialNumber, tokenCode })}
      onSessionEnded={() => {
        queryClient.clear();
        void navigate('/signin?reason=key-deactivated', { replace: true });
      }}
    />
  );
}
