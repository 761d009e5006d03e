import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { toPolicySelectOptions } from '../../../components/permissions/policy-options.ts';
import { useFollowHandler } from '../../../components/router-link.tsx';
import { editorTagsProblem, fromEditorTags, IamTagEditor, type EditorTag } from '../../../components/iam-tag-editor.tsx';
import type { ManagedPolicyOption, OptionsSource } from '../../../lib/iam-types.ts';
import { nameProblem, pathProblem } from '../../../utils/iam-names.ts';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';
import { useCreateUser, type CreateUserRequest, type NewAccessKey } from '../api/users.ts';
import {
  ConsolePasswordFields,
  consolePasswordProblems,
  initialConsolePassword,
  resolveConsolePassword,
  type ConsolePasswordState,
} from './console-password-fields.tsx';
import { NewAccessKeyPanel } from './new-access-key.tsx';
import type { GroupOption } from './user-groups-tab.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

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

/** The result shown once after creation; it lives only in this component's memory. */
export interface Created {
  userName: string;
  signInUrl?: string;
  password?: string;
  accessKey?: NewAccessKey;
}

/** What the page hands over once, in words: "password and access key", "access key"… */
export const secretsOf = (created: Created): string =>
  [created.password ? 'console password' : '', created.accessKey ? 'access key' : ''].filter(Boolean).join(' and ');

/** The IAM console's heading when there is a password to retrieve; otherwise what the page shows. */
export const createdHeading = (created: Created): string =>
  created.password ? 'Retrieve password' : created.accessKey ? 'Retrieve access key' : `User ${created.userName} created`;

function CreatedUser({ created }: { created: Created }) {
  const onFollow = useFollowHandler();
  return (
    <ContentLayout header={<Header variant="h1">{createdHeading(created)}</Header>}>
      <SpaceBetween size="l">
        <Alert type="success" header={`User ${created.userName} created`}>
          {created.password || created.accessKey
            ? `You can view and copy the user's ${secretsOf(created)} below. This is the last time ${created.password && created.accessKey ? 'they are' : 'it is'} available; leaving this page forgets ${created.password && created.accessKey ? 'them' : 'it'}.`
            : 'The user has no console password and no access key yet; add them from the Security credentials tab.'}
        </Alert>
        {created.password ? (
          <Container header={<Header variant="h2">Console sign-in details</Header>}>
            <KeyValuePairs
              columns={3}
              items={[
                ...(created.signInUrl
                  ? [{ label: 'Console sign-in URL', value: <CopyToClipboard variant="inline" textToCopy={created.signInUrl} copySuccessText="URL copied" copyErrorText="Could not copy" /> }]
                  : []),
                { label: 'User name', value: created.userName },
                {
                  label: 'Console password',
                  value: <CopyToClipboard variant="inline" textToCopy={created.password} textToDisplay={created.password} copySuccessText="Password copied" copyErrorText="Could not copy" />,
                },
              ]}
            />
          </Container>
        ) : null}
        {created.accessKey ? (
          <Container header={<Header variant="h2">Access key</Header>}>
            <NewAccessKeyPanel userName={created.userName} accessKey={created.accessKey} />
          </Container>
        ) : null}
        <SpaceBetween direction="horizontal" size="xs">
          <Button href="/users" onFollow={onFollow}>
            Return to users list
          </Button>
          <Button variant="primary" href={detailPath.user(created.userName)} onFollow={onFollow}>
            View user
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </ContentLayout>
  );
}

export interface CreateUserWizardProps {
  groups: OptionsSource<GroupOption>;
  policies: OptionsSource<ManagedPolicyOption>;
  passwordPolicy: PasswordPolicy | null | undefined;
  /** The account's console sign-in URL for IAM users, shown with the new password. */
  signInUrl?: string;
}

export function CreateUserWizard({ groups, policies, passwordPolicy, signInUrl }: CreateUserWizardProps) {
  const navigate = useNavigate();
  const createUser = useCreateUser();
  const [state, setState] = useState<WizardState>(initialState);
  const [step, setStep] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const policyOptions = useMemo(() => toPolicySelectOptions(policies.items ?? []), [policies.items]);
  const groupOptions = (groups.items ?? []).map((group) => ({ value: group.groupName, label: group.groupName }));
  const set = <K extends keyof WizardState>(key: K, value: WizardState[K]) => setState((current) => ({ ...current, [key]: value }));
  const policy = passwordPolicy ?? null;
  const problems = stepProblems(state, policy, step);

  if (created) return <CreatedUser created={created} />;

  const submit = () => {
    const password = state.consoleAccess ? resolveConsolePassword(state.password, policy) : undefined;
    const tags = fromEditorTags(state.tags);
    const request: CreateUserRequest = {
      userName: state.userName,
      ...(state.path && state.path !== '/' ? { path: state.path } : {}),
      ...(password ? { consolePassword: { password, resetRequired: state.password.resetRequired } } : {}),
      ...(state.groups.length ? { groups: state.groups.map((o) => o.value ?? '') } : {}),
      ...(state.policies.length ? { managedPolicyArns: state.policies.map((o) => o.value ?? '') } : {}),
      ...(state.boundary?.value ? { permissionsBoundaryArn: state.boundary.value } : {}),
      ...(tags.length ? { tags } : {}),
      createAccessKey: state.createAccessKey,
    };
    createUser.mutate(request, {
      onSuccess: (result) => {
        notifySuccess(`User ${state.userName} created.`, { subjects: [about.user(state.userName)] });
        const showPassword = state.consoleAccess && state.password.mode === 'autogenerated';
        setCreated({
          userName: result.user.userName || state.userName,
          ...(signInUrl ? { signInUrl } : {}),
          ...(showPassword && password ? { password } : {}),
          ...(result.accessKey ? { accessKey: result.accessKey } : {}),
        });
        createUser.reset();
      },
    });
  };

  const review = (label: string, value: string) => ({ label, value: value || '-' });

  return (
    <Wizard
      activeStepIndex={step}
      onNavigate={({ detail }) => {
        if (detail.requestedStepIndex > step && problems.length > 0) {
          setShowErrors(true);
          return;
        }
        setShowErrors(false);
        setStep(detail.requestedStepIndex);
      }}
      onCancel={() => navigate('/users')}
      onSubmit={submit}
      isLoadingNextStep={createUser.isPending}
      submitButtonText="Create user"
      i18nStrings={{
        stepNumberLabel: (n) => `Step ${n}`,
        collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
        navigationAriaLabel: 'Steps',
        cancelButton: 'Cancel',
        previousButton: 'Previous',
        nextButton: 'Next',
        optional: 'optional',
      }}
      steps={[
        {
          title: 'Specify user details',
          errorText: showErrors && problems.length ? problems.join(' ') : undefined,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">User details</Header>}>
                <SpaceBetween size="m">
                  <FormField
                    label="User name"
                    constraintText="The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)"
                    errorText={showErrors ? nameProblem(state.userName, 'user') : undefined}
                  >
                    <Input value={state.userName} onChange={({ detail }) => set('userName', detail.value)} ariaLabel="User name" autoFocus />
                  </FormField>
                  <ExpandableSection headerText="Path - optional" variant="footer">
                    <FormField label="Path" description="For organizing users, e.g. /division_abc/subdivision_xyz/." errorText={showErrors ? pathProblem(state.path) : undefined}>
                      <Input value={state.path} onChange={({ detail }) => set('path', detail.value)} ariaLabel="Path" />
                    </FormField>
                  </ExpandableSection>
                  <Checkbox
                    checked={state.consoleAccess}
                    onChange={({ detail }) => set('consoleAccess', detail.checked)}
                    description="Give the user a password for the AWS Management Console."
                  >
                    Provide user access to the AWS Management Console - optional
                  </Checkbox>
                  {state.consoleAccess ? (
                    <ConsolePasswordFields value={state.password} onChange={(value) => set('password', value)} policy={passwordPolicy} showErrors={showErrors} />
                  ) : null}
                </SpaceBetween>
              </Container>
            </SpaceBetween>
          ),
        },
        {
          title: 'Set permissions',
          description: 'Add the user to an existing group or attach policies directly. Using groups is a best-practice way to manage permissions by job function.',
          errorText: showErrors && problems.length ? problems.join(' ') : undefined,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2" description="A user can be a member of up to 10 groups.">User groups</Header>}>
                {groups.error ? <ErrorAlert error={groups.error} header="Could not list groups" /> : null}
                <Multiselect
                  selectedOptions={state.groups}
                  onChange={({ detail }) => set('groups', detail.selectedOptions)}
                  options={groupOptions}
                  filteringType="auto"
                  placeholder="Choose groups"
                  statusType={groups.loading ? 'loading' : 'finished'}
                  loadingText="Loading groups"
                  empty="No groups in this account"
                  ariaLabel="User groups"
                />
              </Container>
              <Container header={<Header variant="h2" description="Attach managed policies directly to the user.">Permissions policies</Header>}>
                {policies.error ? <ErrorAlert error={policies.error} header="Could not list policies" /> : null}
                <Multiselect
                  selectedOptions={state.policies}
                  onChange={({ detail }) => set('policies', detail.selectedOptions)}
                  options={policyOptions}
                  filteringType="auto"
                  placeholder="Choose policies"
                  statusType={policies.loading ? 'loading' : 'finished'}
                  loadingText="Loading policies"
                  virtualScroll
                  tokenLimit={5}
                  ariaLabel="Permissions policies"
                />
              </Container>
              <Container header={<Header variant="h2" description="Set the maximum permissions the user's policies can grant.">Permissions boundary - optional</Header>}>
                <Select
                  selectedOption={state.boundary}
                  onChange={({ detail }) => set('boundary', detail.selectedOption.value ? detail.selectedOption : null)}
                  options={[{ value: '', label: 'No permissions boundary' }, ...policyOptions]}
                  filteringType="auto"
                  placeholder="No permissions boundary"
                  statusType={policies.loading ? 'loading' : 'finished'}
                  virtualScroll
                  ariaLabel="Permissions boundary"
                />
              </Container>
            </SpaceBetween>
          ),
        },
        {
          title: 'Tags and access key',
          isOptional: true,
          errorText: showErrors && problems.length ? problems.join(' ') : undefined,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2" description="Key-value pairs to identify, organize, or search for the user.">Tags - optional</Header>}>
                <IamTagEditor tags={state.tags} onChange={(tags) => set('tags', tags)} resource="user" showErrors={false} />
              </Container>
              <Container header={<Header variant="h2">Access key - optional</Header>}>
                <Checkbox
                  checked={state.createAccessKey}
                  onChange={({ detail }) => set('createAccessKey', detail.checked)}
                  description="For the AWS CLI, SDKs and other programmatic access. The secret is shown once, right after the user is created."
                >
                  Create an access key
                </Checkbox>
              </Container>
            </SpaceBetween>
          ),
        },
        {
          title: 'Review and create',
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2" actions={<Button onClick={() => setStep(0)}>Edit</Button>}>User details</Header>}>
                <KeyValuePairs
                  columns={3}
                  items={[
                    review('User name', state.userName),
                    review('Path', state.path || '/'),
                    review('Console password type', state.consoleAccess ? (state.password.mode === 'autogenerated' ? 'Autogenerated' : 'Custom password') : 'None'),
                    review('Require password reset', state.consoleAccess ? (state.password.resetRequired ? 'Yes' : 'No') : '-'),
                    review('Access key', state.createAccessKey ? 'Created with the user' : 'None'),
                  ]}
                />
              </Container>
              <Container header={<Header variant="h2" actions={<Button onClick={() => setStep(1)}>Edit</Button>}>Permissions summary</Header>}>
                <KeyValuePairs
                  columns={3}
                  items={[
                    review('Groups', state.groups.map((o) => o.label).join(', ')),
                    review('Policies', state.policies.map((o) => o.label).join(', ')),
                    review('Permissions boundary', state.boundary?.label ?? ''),
                  ]}
                />
              </Container>
              <Container header={<Header variant="h2" actions={<Button onClick={() => setStep(2)}>Edit</Button>}>Tags</Header>}>
                <Box>{fromEditorTags(state.tags).map((tag) => `${tag.key}=${tag.value}`).join(', ') || 'No tags'}</Box>
              </Container>
              {createUser.error ? <ErrorAlert error={createUser.error} header={`Could not create ${state.userName}`} /> : null}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}
