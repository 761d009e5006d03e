// "Edit" on a customer managed policy: the default version in the policy editor; "Save changes" creates a new
// version and sets it as the default (CreatePolicyVersion with SetAsDefault). At five versions the oldest
// non-default one has to go first, and the page asks before deleting it.
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { prettyJson } from '../../../components/json-view.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { EditorActions } from '../../../components/policy-editor/editor-actions.tsx';
import { documentProblem } from '../../../components/policy-editor/document-problem.ts';
import { PolicyEditor, type EditorFinding } from '../../../components/policy-editor/index.tsx';
import { useUnsavedChanges } from '../../../components/policy-editor/unsaved-changes.tsx';
import { useCreatePolicyVersion, type PolicyDetail } from '../api/policies.ts';
import { MAX_POLICY_VERSIONS, versionToMakeRoomFor, type VersionInfo } from './policy-versions.ts';

export function EditPolicyDocument({ detail, onDone }: { detail: PolicyDetail; onDone: () => void }) {
  const { policy } = detail;
  const save = useCreatePolicyVersion(policy.arn);
  const [text, setText] = useState(() => prettyJson(detail.document));
  const [findings, setFindings] = useState<EditorFinding[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [makingRoom, setMakingRoom] = useState<VersionInfo | null>(null);
  const unsaved = useUnsavedChanges(text !== prettyJson(detail.document));
  const problem = documentProblem(text, findings);
  const oldest = versionToMakeRoomFor(detail.versions);

  const create = (deleteVersionId?: string) =>
    save.mutate(
      { document: text, setAsDefault: true, ...(deleteVersionId ? { deleteVersionId } : {}) },
      {
        onSuccess: (version) => {
          unsaved.saved();
          setMakingRoom(null);
          notifySuccess(`Policy ${policy.policyName} updated. Version ${version.versionId} is now the default.`, { subjects: [about.part(about.policy(policy.policyName), 'versions')] });
          onDone();
        },
      },
    );
  const submit = () => {
    setSubmitted(true);
    if (problem) return;
    if (oldest) setMakingRoom(oldest);
    else create();
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Saving creates a new version of the policy and makes it the default version."
          actions={<EditorActions saveLabel="Save changes" saving={save.isPending && !makingRoom} onSave={submit} onCancel={onDone} />}
        >
          Edit policy {policy.policyName}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <PolicyEditor value={text} onChange={setText} documentKind={{ kind: 'identity' }} ariaLabel="Policy document" onFindings={setFindings} simulator />
        {submitted && problem ? <Box color="text-status-error">{problem}</Box> : null}
        {save.error && !makingRoom ? <ErrorAlert error={save.error} header={`Could not save ${policy.policyName}`} /> : null}
      </SpaceBetween>
      {makingRoom ? (
        <FormModal
          header="Delete the oldest version?"
          primaryLabel={`Delete ${makingRoom.versionId} and save`}
          busy={save.isPending}
          onPrimary={() => create(makingRoom.versionId)}
          onDismiss={() => setMakingRoom(null)}
        >
          <SpaceBetween size="s">
            <Box>
              {policy.policyName} has {MAX_POLICY_VERSIONS} versions, the most IAM keeps. To save a new version, version {makingRoom.versionId} (the
              oldest that is not the default) is deleted first. This cannot be undone.
            </Box>
            {save.error ? <ErrorAlert error={save.error} header={`Could not save ${policy.policyName}`} /> : null}
          </SpaceBetween>
        </FormModal>
      ) : null}
      {unsaved.prompt}
    </Container>
  );
}
