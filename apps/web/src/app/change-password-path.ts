/** The page a sign-in whose password must be changed is held on, then on to `next`. */
export function changePasswordPath(next: string): string {
  return next === '/' ? '/change-password' : `/change-password?${new URLSearchParams({ next }).toString()}`;
}
