import { FormModal } from '../../../components/form-modal.tsx';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { consoleSignInUrl, useAccount, useDeleteAccountAlias, useSetAccountAlias } from '../api/account.ts';
import { useConfirmRemoval } from '../../../components/confirm-removal.tsx';
import { validateAccountAlias } from './account-alias.ts';
import { UnknownValue } from '../../../components/unavailable-sections.tsx';
import { refusedSection } from '../../../lib/unavailable.ts';
import { useCapabilities } from '../../../lib/capabilities.ts';

function AliasModal({ current, onClose }: { current: string | null; onClose: () => void }) {
  const [alias, setAlias] = useState(current ?? '');
  const [touched, setTouched] = useState(false);
  const setAccountAlias = useSetAccountAlias();
  const problem = validateAccountAlias(alias);
  const save = () => {
    setTouched(true);
    if (problem) return;
    setAccountAlias.mutate(alias, {
      onSuccess: () => {
        notifySuccess(`Account alias set to ${alias}.`, { subjects: [about.accountAlias] });
        onClose();
      },
    });
  };
  return (
    <FormModal header={current ? 'Edit account alias' : 'Create account alias'} primaryLabel="Save changes" busy={setAccountAlias.isPending} onPrimary={save} onDismiss={onClose}>
      <SpaceBetween size="m">
        <FormField
          label="Preferred alias"
          description="The alias replaces the account ID in the sign-in URL for IAM users. It must be unique across AWS."
          constraintText="3-63 characters: lowercase letters, digits and hyphens."
          errorText={touched ? problem : undefined}
        >
          <Input value={alias} onChange={({ detail }) => setAlias(detail.value)} onBlur={() => setTouched(true)} ariaLabel="Preferred alias" />
        </FormField>
        {setAccountAlias.error ? <ErrorAlert error={setAccountAlias.error} header="Could not set the alias" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

export function AccountAliasPanel() {
  const account = useAccount();
  const deleteAlias = useDeleteAccountAlias();
  const [editing, setEditing] = useState(false);
  const confirm = useConfirmRemoval();
  const { can } = useCapabilities();
  const alias = account.data?.alias ?? null;
  // When IAM refused ListAccountAliases the alias is unknown: neither "-" nor a Create button would be true.
  const aliasRefused = refusedSection(account.data?.unavailable, 'alias');
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            account.data && !aliasRefused ? (
              <SpaceBetween direction="horizontal" size="xs">
                {alias && can('iam:DeleteAccountAlias') ? (
                  <Button
                    loading={deleteAlias.isPending}
                    onClick={() =>
                      confirm.ask(
                        `Delete alias ${alias}?`,
                        'The sign-in URL for IAM users goes back to using the account ID; links with the alias stop working.',
                        () => deleteAlias.mutate(undefined, { onSuccess: () => notifySuccess(`Account alias ${alias} deleted.`, { subjects: [about.accountAlias] }) }),
                      )
                    }
                  >
                    Delete
                  </Button>
                ) : null}
                {can('iam:CreateAccountAlias') ? <Button onClick={() => setEditing(true)}>{alias ? 'Edit' : 'Create'}</Button> : null}
              </SpaceBetween>
            ) : null
          }
        >
          Account alias
        </Header>
      }
    >
      {account.isPending ? (
        <Loading />
      ) : account.error ? (
        <ErrorAlert error={account.error} header="Could not load the account" />
      ) : (
        <SpaceBetween size="m">
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Account ID', value: account.data.accountId },
              { label: 'Account alias', value: aliasRefused ? <UnknownValue section={aliasRefused} /> : (alias ?? '-') },
              { label: 'Sign-in URL', value: consoleSignInUrl(account.data) },
            ]}
          />
          {deleteAlias.error ? <ErrorAlert error={deleteAlias.error} header="Could not delete the alias" onDismiss={() => deleteAlias.reset()} /> : null}
        </SpaceBetween>
      )}
      {confirm.dialog}
      {editing ? <AliasModal current={alias} onClose={() => setEditing(false)} /> : null}
    </Container>
  );
}
