import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { SignInFrame } from '../layout/sign-in-frame.tsx';
import { useSession } from '../../features/session/api/session.ts';
import { SignInForm } from '../../features/session/components/sign-in-form.tsx';
import { changePasswordPath } from '../change-password-path.ts';

/**
 * Only same-app paths are followed after sign-in (an open redirect would be a phishing aid). The URL parser reads
 * `\` as `/` and drops tabs and newlines (WHATWG URL Standard), so `/\evil.example` would leave the app: such paths
 * are refused outright, and what remains must resolve to this origin.
 */
export function safeNextPath(next: string | null, origin: string = globalThis.location?.origin ?? 'http://localhost'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  if (!URL.canParse(next, origin) || new URL(next, origin).origin !== origin) return '/';
  if (next.startsWith('/signin') || next.startsWith('/change-password')) return '/';
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
