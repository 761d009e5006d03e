// A role's "Trust relationships": the trust policy, and "Edit trust policy" in the policy editor (trust policy
// checks and the 2,048-character quota), saved with UpdateAssumeRolePolicy.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { JsonView, prettyJson } from '../../../components/json-view.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { EditorActions } from '../../../components/policy-editor/editor-actions.tsx';
import { documentProblem } from '../../../components/policy-editor/document-problem.ts';
import { PolicyEditor, type EditorFinding } from '../../../components/policy-editor/index.tsx';
import { useUnsavedChanges } from '../../../components/policy-editor/unsaved-changes.tsx';
import { useUpdateTrustPolicy } from '../api/roles.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';

function EditTrustPolicy({ roleName, document, onDone }: { roleName: string; document: string; onDone: () => void }) {
  const update = useUpdateTrustPolicy(roleName);
  const [text, setText] = useState(() => prettyJson(document));
  const [findings, setFindings] = useState<EditorFinding[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const unsaved = useUnsavedChanges(text !== prettyJson(document));
  const problem = documentProblem(text, findings);
  const save = () => {
    setSubmitted(true);
    if (problem) return;
    update.mutate(text, {
      onSuccess: () => {
        unsaved.saved();
        notifySuccess(`Trust policy of ${roleName} updated.`, { subjects: [about.part(about.role(roleName), 'trust-policy')] });
        onDone();
      },
    });
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The entities that can assume this role, and under which conditions."
          actions={<EditorActions saveLabel="Update policy" saving={update.isPending} onSave={save} onCancel={onDone} />}
        >
          Edit trust policy
        </Header>
      }
    >
      <SpaceBetween size="m">
        <PolicyEditor value={text} onChange={setText} documentKind={{ kind: 'trust' }} ariaLabel="Trust policy document" onFindings={setFindings} />
        {submitted && problem ? <Box color="text-status-error">{problem}</Box> : null}
        {update.error ? <ErrorAlert error={update.error} header="Could not update the trust policy" /> : null}
      </SpaceBetween>
      {unsaved.prompt}
    </Container>
  );
}

export function TrustPolicyPanel({ roleName, document }: { roleName: string; document: string }) {
  const [editing, setEditing] = useState(false);
  const { can } = useCapabilities();
  if (editing) return <EditTrustPolicy roleName={roleName} document={document} onDone={() => setEditing(false)} />;
  return (
    <Container
      header={
        <Header variant="h2" description="The entities that can assume this role under the specified conditions." actions={can('iam:UpdateAssumeRolePolicy') ? <Button onClick={() => setEditing(true)}>Edit trust policy</Button> : null}>
          Trusted entities
        </Header>
      }
    >
      <JsonView text={document} label="Trust policy" />
    </Container>
  );
}
