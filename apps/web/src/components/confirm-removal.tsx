import Box from '@cloudscape-design/components/box';
import { useState, type ReactNode } from 'react';
import { FormModal } from './form-modal.tsx';

/**
 * A reversible but consequential removal (detach a policy, leave a group, drop an alias): the dialog names
 * what goes and asks once, without the typed confirmation that deletions need.
 */
export function useConfirmRemoval() {
  const [pending, setPending] = useState<{ header: string; body: ReactNode; action: () => void } | null>(null);
  const ask = (header: string, body: ReactNode, action: () => void) => setPending({ header, body, action });
  const dialog = pending ? (
    <FormModal
      header={pending.header}
      primaryLabel="Remove"
      onDismiss={() => setPending(null)}
      onPrimary={() => {
        pending.action();
        setPending(null);
      }}
    >
      <Box>{pending.body}</Box>
    </FormModal>
  ) : null;
  return { ask, dialog };
}
