// Create or edit an inline policy of a user, group or role in the policy editor (quota of the kind of entity).
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { nameProblem } from '../../utils/iam-names.ts';
import { ErrorAlert } from '../error-alert.tsx';
import { FormModal } from '../form-modal.tsx';
import { documentProblem } from '../policy-editor/document-problem.ts';
import { PolicyEditor, type EditorFinding } from '../policy-editor/index.tsx';

const STARTER = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [], Resource: [] }] }, null, 2);

export interface InlinePolicyModalProps {
  target: string;
  inlineFor: 'user' | 'group' | 'role';
  /** The policy being edited; none to create one. */
  policy?: { policyName: string; document: string };
  onSave: (policyName: string, document: string) => Promise<unknown>;
  onClose: () => void;
}

export function InlinePolicyModal({ target, inlineFor, policy, onSave, onClose }: InlinePolicyModalProps) {
  const [policyName, setPolicyName] = useState(policy?.policyName ?? '');
  const [document, setDocument] = useState(policy?.document ?? STARTER);
  const [findings, setFindings] = useState<EditorFinding[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const problems = { name: policy ? undefined : nameProblem(policyName, 'policy'), document: documentProblem(document, findings) };

  const save = async () => {
    setSubmitted(true);
    if (problems.name || problems.document) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave(policyName, document);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      size="max"
      header={policy ? `Edit inline policy ${policy.policyName}` : `Create inline policy for ${target}`}
      primaryLabel={policy ? 'Save changes' : 'Create policy'}
      busy={saving}
      onPrimary={() => void save()}
      onDismiss={onClose}
    >
      <SpaceBetween size="m">
        {policy ? null : (
          <FormField label="Policy name" constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters." errorText={submitted ? problems.name : undefined}>
            <Input value={policyName} onChange={({ detail }) => setPolicyName(detail.value)} ariaLabel="Policy name" />
          </FormField>
        )}
        <FormField label="Policy editor" stretch errorText={submitted ? problems.document : undefined}>
          <PolicyEditor value={document} onChange={setDocument} documentKind={{ kind: 'identity', inlineFor }} ariaLabel="Inline policy document" height={360} onFindings={setFindings} simulator startFrom fileName={policy?.policyName ?? policyName} />
        </FormField>
        {error ? <ErrorAlert error={error} header={policy ? `Could not save ${policy.policyName}` : `Could not create ${policyName}`} /> : null}
      </SpaceBetween>
    </FormModal>
  );
}
