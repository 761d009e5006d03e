import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { useSession } from '../../features/session/api/session.ts';
import { SignInForm } from '../../features/session/components/sign-in-form.tsx';

/** Only same-app paths are followed after sign-in (an open redirect would be a phishing aid). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/signin')) return '/';
  return next;
}

export default function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNextPath(params.get('next'));
  if (session.isPending) return <Loading label="Loading session" />;
  if (session.data?.signedIn) return <Navigate to={next} replace />;
  return (
    <main className="sign-in-page">
      <SpaceBetween size="l">
        <Box variant="h1" textAlign="center">
          IAM Console
        </Box>
        <SignInForm reason={params.get('reason')} onSignedIn={() => navigate(next, { replace: true })} />
      </SpaceBetween>
    </main>
  );
}
