import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { tagValueProblem } from '@iam-console/api-contract/rules.ts';
import { useState } from 'react';
import { NewAccessKeyPanel } from '../../../components/access-keys/new-access-key-panel.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useCreateOwnAccessKey } from '../api/self-service.ts';

// The AWS console's use cases on "Access key best practices & alternatives", each with the alternative it suggests.
const USE_CASES = [
  { value: 'cli', label: 'Command Line Interface (CLI)', alternative: 'Use AWS CloudShell, or the AWS CLI V2 with IAM Identity Center authentication.' },
  { value: 'local-code', label: 'Local code', alternative: 'Use an IDE that supports IAM Identity Center authentication.' },
  { value: 'aws-compute', label: 'Application running on an AWS compute service', alternative: 'Give the compute resource (EC2, ECS, Lambda) an IAM role instead of a key.' },
  { value: 'third-party', label: 'Third-party service', alternative: 'Prefer temporary credentials (an IAM role) where the service supports them.' },
  { value: 'outside-aws', label: 'Application running outside AWS', alternative: 'IAM Roles Anywhere gives workloads outside AWS temporary credentials.' },
  { value: 'other', label: 'Other', alternative: '' },
] as const;

type Step = 'best-practices' | 'description' | 'retrieve';

/**
 * "Create access key" in the console's three steps (IAM User Guide, "Managing access keys (console)"): Access key
 * best practices & alternatives, Set description tag (optional; a user tag keyed by the key id), Retrieve access keys
 * (the secret shown once, Show and Download .csv file, then Done).
 */
export function CreateAccessKeyModal({ userName, onClose }: { userName: string; onClose: () => void }) {
  const create = useCreateOwnAccessKey();
  const [step, setStep] = useState<Step>('best-practices');
  const [useCase, setUseCase] = useState<string>('other');
  const [description, setDescription] = useState('');
  const descriptionProblem = description ? tagValueProblem(description) : undefined;
  const key = create.data;
  const chosen = USE_CASES.find((u) => u.value === useCase);

  const header = { 'best-practices': 'Access key best practices & alternatives', description: 'Set description tag - optional', retrieve: 'Retrieve access keys' }[step];
  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        {step === 'retrieve' ? (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button variant="link" onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            {step === 'best-practices' ? (
              <Button variant="primary" onClick={() => setStep('description')}>
                Next
              </Button>
            ) : (
              <Button
                variant="primary"
                loading={create.isPending}
                disabled={Boolean(descriptionProblem)}
                onClick={() => create.mutate(description ? { description } : {}, { onSuccess: () => setStep('retrieve') })}
              >
                Create access key
              </Button>
            )}
          </>
        )}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal visible size="large" header={header} onDismiss={step === 'retrieve' ? onClose : () => (create.isPending ? undefined : onClose())} footer={footer}>
      {step === 'best-practices' ? (
        <SpaceBetween size="m">
          <Box>Avoid using long-term credentials like access keys to improve your security. Consider the alternatives for your use case.</Box>
          <FormField label="Use case">
            <RadioGroup value={useCase} onChange={({ detail }) => setUseCase(detail.value)} items={USE_CASES.map((u) => ({ value: u.value, label: u.label }))} />
          </FormField>
          {chosen?.alternative ? <Alert type="info" header="Alternative recommended">{chosen.alternative}</Alert> : null}
        </SpaceBetween>
      ) : null}
      {step === 'description' ? (
        <SpaceBetween size="m">
          <Box>The description for this access key will be attached to this user as a tag and shown alongside the access key.</Box>
          <FormField label="Description tag value" description="Describe the purpose of this access key and where it will be used. Up to 256 characters: letters, numbers, spaces and _ . : / = + - @." errorText={descriptionProblem}>
            <Input value={description} onChange={({ detail }) => setDescription(detail.value)} />
          </FormField>
          {create.error ? <ErrorAlert error={create.error} header="Could not create an access key" /> : null}
        </SpaceBetween>
      ) : null}
      {step === 'retrieve' && key ? (
        <SpaceBetween size="m">
          {key.descriptionNotSaved ? (
            <Alert type="warning" header="The access key was created without its description">
              {key.descriptionNotSaved.message}
            </Alert>
          ) : null}
          <NewAccessKeyPanel userName={userName} accessKey={key} maskSecret />
        </SpaceBetween>
      ) : null}
    </Modal>
  );
}
