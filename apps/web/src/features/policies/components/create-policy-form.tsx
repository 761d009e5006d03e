import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { nameProblem } from '../../../utils/iam-names.ts';
import { useCreatePolicy } from '../api/policies.ts';
import { policyJsonProblem, STARTER_POLICY } from './policy-document.ts';
import { CreateForm } from '../../../components/create-form.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

/** Create a customer managed policy from JSON (the visual and Monaco editors arrive with the editor issue). */
export function CreatePolicyForm() {
  const create = useCreatePolicy();
  const navigate = useNavigate();
  const [document, setDocument] = useState(STARTER_POLICY);
  const [policyName, setPolicyName] = useState('');
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problems = { name: nameProblem(policyName, 'policy', 128), document: policyJsonProblem(document) };

  const submit = () => {
    setSubmitted(true);
    if (problems.name || problems.document) return;
    create.mutate(
      { policyName, document, ...(description ? { description } : {}) },
      {
        onSuccess: ({ policy }) => {
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
              <Textarea value={document} onChange={({ detail }) => setDocument(detail.value)} rows={16} spellcheck={false} ariaLabel="Policy document" />
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
    </CreateForm>
  );
}
