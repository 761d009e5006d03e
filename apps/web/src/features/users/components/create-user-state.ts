import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import type { SelectProps } from '@cloudscape-design/components/select';
import { editorTagsProblem, fromEditorTags, type EditorTag } from '../../../components/iam-tag-editor.tsx';
import { nameProblem, pathProblem } from '../../../utils/iam-names.ts';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';
import type { CreateUserRequest } from '../api/users.ts';
import { consolePasswordProblems, initialConsolePassword, type ConsolePasswordState } from './console-password-fields.tsx';

/** What the create-user wizard holds across its steps. */
export interface WizardState {
  userName: string;
  path: string;
  consoleAccess: boolean;
  password: ConsolePasswordState;
  groups: readonly MultiselectProps.Option[];
  policies: readonly MultiselectProps.Option[];
  boundary: SelectProps.Option | null;
  tags: EditorTag[];
  createAccessKey: boolean;
}

/** Changes one field of the wizard's state. */
export type SetField = <K extends keyof WizardState>(key: K, value: WizardState[K]) => void;

export const initialState: WizardState = {
  userName: '',
  path: '/',
  consoleAccess: false,
  password: initialConsolePassword,
  groups: [],
  policies: [],
  boundary: null,
  tags: [],
  createAccessKey: false,
};

/** Problems that keep the person on a step, by step index. */
export function stepProblems(state: WizardState, policy: PasswordPolicy | null, step: number): string[] {
  if (step === 0) {
    return [
      nameProblem(state.userName, 'user'),
      pathProblem(state.path),
      ...(state.consoleAccess ? consolePasswordProblems(state.password, policy).map((problem) => `Password: ${problem}`) : []),
    ].filter((problem): problem is string => Boolean(problem));
  }
  if (step === 1) {
    const problems: string[] = [];
    if (state.groups.length > 10) problems.push('A user can be in at most 10 groups.');
    // IAM's quota is 10 managed policies per user by default (20 at most when raised).
    if (state.policies.length > 20) problems.push(`Choose at most 20 policies (${state.policies.length} chosen).`);
    return problems;
  }
  if (step === 2) {
    const problem = editorTagsProblem(state.tags, 'user');
    return problem ? [problem] : [];
  }
  return [];
}

/** The BFF request for what the wizard holds; `password` is the resolved console password, if any. */
export function toCreateUserRequest(state: WizardState, password: string | undefined): CreateUserRequest {
  const tags = fromEditorTags(state.tags);
  return {
    userName: state.userName,
    ...(state.path && state.path !== '/' ? { path: state.path } : {}),
    ...(password ? { consolePassword: { password, resetRequired: state.password.resetRequired } } : {}),
    ...(state.groups.length ? { groups: state.groups.map((o) => o.value ?? '') } : {}),
    ...(state.policies.length ? { managedPolicyArns: state.policies.map((o) => o.value ?? '') } : {}),
    ...(state.boundary?.value ? { permissionsBoundaryArn: state.boundary.value } : {}),
    ...(tags.length ? { tags } : {}),
    createAccessKey: state.createAccessKey,
  };
}
