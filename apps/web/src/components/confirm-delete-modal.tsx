import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './error-alert.tsx';

export interface ConfirmDeleteModalProps {
  visible: boolean;
  /** e.g. "Delete alice?" */
  title: string;
  /** The exact text the person must type to confirm (the resource's name, or "delete" for several). */
  confirmationText: string;
  /** A word like "delete" may be typed in any case (Cloudscape's pattern); a name must match exactly. */
  ignoreCase?: boolean;
  /** The input's accessible name; "Confirm by typing the name" unless a word is asked for. */
  inputLabel?: string;
  children?: ReactNode;
  deleting: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The console's destructive-action dialog: nothing is deleted until the name (or the word asked for) is typed. */
export function ConfirmDeleteModal(props: ConfirmDeleteModalProps) {
  const [typed, setTyped] = useState('');
  const matches = props.ignoreCase ? typed.trim().toLowerCase() === props.confirmationText.toLowerCase() : typed === props.confirmationText;
  const close = () => {
    setTyped('');
    props.onCancel();
  };
  return (
    <Modal
      visible={props.visible}
      onDismiss={close}
      header={props.title}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={close} disabled={props.deleting}>
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={!matches}
              loading={props.deleting}
              onClick={() => props.onConfirm()}
              data-testid="confirm-delete"
            >
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {props.children}
        <Alert type="warning">This cannot be undone.</Alert>
        <FormField label={`To confirm deletion, enter ${props.confirmationText} in the text input field.`}>
          <Input
            value={typed}
            onChange={({ detail }) => setTyped(detail.value)}
            placeholder={props.confirmationText}
            ariaLabel={props.inputLabel ?? 'Confirm by typing the name'}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter' && matches && !props.deleting) props.onConfirm();
            }}
          />
        </FormField>
        {props.error ? <ErrorAlert error={props.error} header="Delete failed" /> : null}
      </SpaceBetween>
    </Modal>
  );
}
