import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { SignInFrame } from '../layout/sign-in-frame.tsx';
import { useSession } from '../../features/session/api/session.ts';
import { SignInForm } from '../../features/session/components/sign-in-form.tsx';
import { changePasswordPath } from '../change-password-path.ts';

/** Only same-app paths are followed after sign-in (an open redirect would be a phishing aid). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/signin') || next.startsWith('/change-password')) return '/';
  return next;
}

export default function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNextPath(params.get('next'));
  if (session.isPending) return <Loading label="Loading session" />;
  if (session.data?.signedIn) return <Navigate to={session.data.passwordResetRequired ? changePasswordPath(next) : next} replace />;
  return (
    <SignInFrame>
      <SignInForm reason={params.get('reason')} onSignedIn={() => navigate(next, { replace: true })} />
    </SignInFrame>
  );
}
