import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { SignInFrame } from '../layout/sign-in-frame.tsx';
import { useSession } from '../../features/session/api/session.ts';
import { ChangePasswordPage } from '../../features/session/components/change-password-page.tsx';
import { safeNextPath } from './sign-in.tsx';

/** Shown only while the session must change its password; otherwise on to where the person was going. */
export default function ChangePasswordRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNextPath(params.get('next'));
  if (session.isPending) return <Loading label="Loading session" />;
  if (!session.data?.signedIn) return <Navigate to="/signin" replace />;
  if (!session.data.passwordResetRequired) return <Navigate to={next} replace />;
  return (
    <SignInFrame>
      <ChangePasswordPage session={session.data} onSignedOut={() => navigate('/signin?reason=signed-out', { replace: true })} />
    </SignInFrame>
  );
}
