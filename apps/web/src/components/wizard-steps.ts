// The create wizards' shared parts: the Wizard's labels, and step navigation that stops at a step whose fields have
// problems and names them there.
import type { WizardProps } from '@cloudscape-design/components/wizard';
import { useState } from 'react';

export const WIZARD_STRINGS: WizardProps.I18nStrings = {
  stepNumberLabel: (n) => `Step ${n}`,
  collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
  navigationAriaLabel: 'Steps',
  cancelButton: 'Cancel',
  previousButton: 'Previous',
  nextButton: 'Next',
  optional: 'optional',
};

/** `problemsAt(step)`: what keeps the person on `step`; going back is always allowed. */
export function useWizardSteps(problemsAt: (step: number) => string[]) {
  const [step, setStep] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const problems = problemsAt(step);
  const onNavigate: WizardProps['onNavigate'] = ({ detail }) => {
    if (detail.requestedStepIndex > step && problems.length > 0) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    setStep(detail.requestedStepIndex);
  };
  const errorText = showErrors && problems.length ? problems.join(' ') : undefined;
  return { step, setStep, showErrors, errorText, onNavigate };
}
