import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/** The frame of the pages before the console shell: sign-in, and a password that must be changed first. */
export function SignInFrame({ children }: { children: ReactNode }) {
  return (
    <main className="sign-in-page">
      <SpaceBetween size="l">
        <Box variant="h1" textAlign="center">
          IAM Console
        </Box>
        {children}
      </SpaceBetween>
    </main>
  );
}
