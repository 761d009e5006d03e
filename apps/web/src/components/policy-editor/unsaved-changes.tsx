// Guards an editor with unsaved changes: leaving the page inside the console asks first, and closing or
// reloading the tab gets the browser's own "Leave site?" prompt.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router';

export interface UnsavedChanges {
  /** The confirmation, while a navigation waits for it. */
  prompt: ReactNode;
  /** Lets the navigation that follows a save through (the change is saved, though the state says otherwise until the next render). */
  saved(): void;
}

/** `dirty` false lets every navigation through. */
export function useUnsavedChanges(dirty: boolean): UnsavedChanges {
  const savedRef = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !savedRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const saved = () => {
    savedRef.current = true;
  };
  if (blocker.state !== 'blocked') return { prompt: null, saved };
  const prompt = (
    <Modal
      visible
      header="Leave page?"
      onDismiss={() => blocker.reset()}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => blocker.reset()}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => blocker.proceed()}>
              Leave
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      You have unsaved changes to the policy. If you leave, they are lost.
    </Modal>
  );
  return { prompt, saved };
}
