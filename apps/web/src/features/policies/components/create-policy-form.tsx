import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { PolicyEditor, type EditorFinding } from '../../../components/policy-editor/index.tsx';
import { useUnsavedChanges } from '../../../components/policy-editor/unsaved-changes.tsx';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { nameProblem } from '../../../utils/iam-names.ts';
import { useCreatePolicy } from '../api/policies.ts';
import { STARTER_POLICY } from './policy-document.ts';
import { documentProblem } from '../../../components/policy-editor/document-problem.ts';
import { CreateForm } from '../../../components/create-form.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

/** Create a customer managed policy in the policy editor (live findings, completion from the action catalog). */
export function CreatePolicyForm() {
  const create = useCreatePolicy();
  const navigate = useNavigate();
  const [document, setDocument] = useState(STARTER_POLICY);
  const [policyName, setPolicyName] = useState('');
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [findings, setFindings] = useState<EditorFinding[]>([]);
  const problems = { name: nameProblem(policyName, 'policy'), document: documentProblem(document, findings) };
  const unsaved = useUnsavedChanges(document !== STARTER_POLICY || policyName !== '' || description !== '');

  const submit = () => {
    setSubmitted(true);
    if (problems.name || problems.document) return;
    create.mutate(
      { policyName, document, ...(description ? { description } : {}) },
      {
        onSuccess: ({ policy }) => {
          unsaved.saved();
          notifySuccess(`Policy ${policyName} created.`, { subjects: [about.policy(policyName)] });
          navigate(detailPath.policy(policy.arn));
        },
      },
    );
  };

  return (
    <CreateForm title="Create policy" description="Policies define the AWS permissions that you can assign to a user, group or role." submitLabel="Create policy" submitting={create.isPending} cancelHref="/policies" onSubmit={submit}>
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Policy editor</Header>}>
            <FormField label="JSON" stretch errorText={submitted ? problems.document : undefined}>
              <PolicyEditor value={document} onChange={setDocument} documentKind={{ kind: 'identity' }} ariaLabel="Policy document" onFindings={setFindings} simulator startFrom fileName={policyName} />
            </FormField>
          </Container>
          <Container header={<Header variant="h2">Policy details</Header>}>
            <SpaceBetween size="m">
              <FormField label="Policy name" constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters." errorText={submitted ? problems.name : undefined}>
                <Input value={policyName} onChange={({ detail }) => setPolicyName(detail.value)} ariaLabel="Policy name" />
              </FormField>
              <FormField label="Description - optional" constraintText="Maximum 1,000 characters.">
                <Textarea value={description} onChange={({ detail }) => setDescription(detail.value.slice(0, 1000))} rows={2} ariaLabel="Description" />
              </FormField>
            </SpaceBetween>
          </Container>
          {create.error ? <ErrorAlert error={create.error} header={`Could not create ${policyName}`} /> : null}
        </SpaceBetween>
        {unsaved.prompt}
    </CreateForm>
  );
}
