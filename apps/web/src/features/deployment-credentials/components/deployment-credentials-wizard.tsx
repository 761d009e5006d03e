import Wizard from '@cloudscape-design/components/wizard';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { WIZARD_STRINGS, useWizardSteps } from '../../../components/wizard-steps.ts';
import { useCreateDeploymentRole, useCreateDeploymentUser } from '../api/deployment-credentials.ts';
import { initialState, stepProblems, toRoleRequest, toUserRequest, withTool } from '../wizard-state.ts';
import type { DeploymentWizardState, PolicyContext } from '../wizard-state.ts';
import { DeploymentResult } from './deployment-result.tsx';
import type { Created } from './deployment-result.tsx';
import { IdentityStep } from './identity-step.tsx';
import { ReviewStep } from './review-step.tsx';
import { ToolStep } from './tool-step.tsx';

/** Tool, identity, review; then the key once, the profile files and the check. */
export function DeploymentCredentialsWizard({ context }: { context: PolicyContext }) {
  const navigate = useNavigate();
  const [state, setState] = useState<DeploymentWizardState>(() => initialState());
  const { step, setStep, errorText, onNavigate } = useWizardSteps((at) => stepProblems(state, at));
  const [created, setCreated] = useState<Created | null>(null);
  const createUser = useCreateDeploymentUser();
  const createRole = useCreateDeploymentRole();
  const set = (change: Partial<DeploymentWizardState>) => setState((current) => ({ ...current, ...change }));

  if (created) {
    return (
      <DeploymentResult
        created={created}
        state={state}
        onDone={() => {
          setCreated(null);
          setState(initialState());
          setStep(0);
        }}
      />
    );
  }

  const submit = () => {
    if (state.identity === 'user') {
      createUser.mutate(toUserRequest(state, context), { onSuccess: (user) => { setCreated({ kind: 'user', user }); createUser.reset(); } });
    } else {
      createRole.mutate(toRoleRequest(state, context), { onSuccess: (role) => setCreated({ kind: 'role', role }) });
    }
  };
  const error = state.identity === 'user' ? createUser.error : createRole.error;
  return (
    <Wizard
      activeStepIndex={step}
      onNavigate={onNavigate}
      onCancel={() => navigate('/')}
      onSubmit={submit}
      isLoadingNextStep={createUser.isPending || createRole.isPending}
      submitButtonText={state.identity === 'user' ? 'Create user' : 'Create role'}
      i18nStrings={WIZARD_STRINGS}
      steps={[
        {
          title: 'Choose tool',
          description: 'The deployment tool and the policy its documentation publishes, with what the policy engine finds in it.',
          errorText,
          content: <ToolStep state={state} set={set} onTool={(tool) => setState((s) => withTool(s, tool))} context={context} />,
        },
        { title: 'Choose identity', errorText, content: <IdentityStep state={state} set={set} /> },
        { title: 'Review and create', content: <ReviewStep state={state} context={context} error={error} /> },
      ]}
    />
  );
}
