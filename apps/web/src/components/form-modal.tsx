import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal, { type ModalProps } from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface FormModalProps {
  header: string;
  primaryLabel: string;
  onPrimary: () => void;
  onDismiss: () => void;
  primaryDisabled?: boolean;
  busy?: boolean;
  size?: ModalProps.Size;
  children: ReactNode;
}

/** A dialog with Cancel and one primary action, the shape of every small edit in the console. */
export function FormModal({ header, primaryLabel, onPrimary, onDismiss, primaryDisabled, busy, size, children }: FormModalProps) {
  return (
    <Modal
      visible
      size={size}
      header={header}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss} disabled={busy}>
              Cancel
            </Button>
            <Button variant="primary" disabled={primaryDisabled} loading={busy} onClick={onPrimary}>
              {primaryLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}
