import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

export interface CreateFormProps {
  title: string;
  description?: string;
  submitLabel: string;
  submitting: boolean;
  /** Where Cancel goes (the list page). */
  cancelHref: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** A full-page create form: title, sections, Cancel and the primary action; Enter submits. */
export function CreateForm({ title, description, submitLabel, submitting, cancelHref, onSubmit, children }: CreateFormProps) {
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Form
        header={<Header variant="h1" description={description}>{title}</Header>}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={() => navigate(cancelHref)}>
              Cancel
            </Button>
            <Button variant="primary" loading={submitting}>
              {submitLabel}
            </Button>
          </SpaceBetween>
        }
      >
        {children}
      </Form>
    </form>
  );
}
