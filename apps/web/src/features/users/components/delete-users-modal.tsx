import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { about, notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { UnknownSections } from '../../../components/unavailable-sections.tsx';
import type { UnavailableSection } from '../../../lib/iam-types.ts';
import { refusedSection, refusedSections } from '../../../lib/unavailable.ts';
import { useDeleteUser, useUser, type UserDetail } from '../api/users.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

// Each section of the detail that the delete clears, with how to count it; what IAM refused to list stays unknown.
const DEPENDENCIES: { section: keyof UserDetail & string; describe: (detail: UserDetail) => string | null }[] = [
  { section: 'accessKeys', describe: (d) => (d.accessKeys.length ? plural(d.accessKeys.length, 'access key', 'access keys') : null) },
  { section: 'mfaDevices', describe: (d) => (d.mfaDevices.length ? plural(d.mfaDevices.length, 'MFA device', 'MFA devices') : null) },
  { section: 'loginProfile', describe: (d) => (d.loginProfile ? 'Console password (login profile)' : null) },
  {
    section: 'attachedPolicies',
    describe: (d) => (d.attachedPolicies.length ? plural(d.attachedPolicies.length, 'attached managed policy', 'attached managed policies') : null),
  },
  { section: 'inlinePolicies', describe: (d) => (d.inlinePolicies.length ? plural(d.inlinePolicies.length, 'inline policy', 'inline policies') : null) },
  {
    section: 'groups',
    describe: (d) =>
      d.groups.length ? `${plural(d.groups.length, 'group membership', 'group memberships')} (${d.groups.map((g) => g.groupName).join(', ')})` : null,
  },
];

/** What the console removes before DeleteUser can succeed, counted for one user; sections IAM refused are left out. */
export function userDependencies(detail: UserDetail): string[] {
  return DEPENDENCIES.filter(({ section }) => !refusedSection(detail.unavailable, section)).flatMap(({ describe }) => describe(detail) ?? []);
}

/** The sections the console could not look into, so it cannot say whether the user has any. */
export function unknownDependencies(detail: UserDetail): UnavailableSection[] {
  return refusedSections(detail.unavailable, ...DEPENDENCIES.map(({ section }) => section));
}

function SingleUserDependencies({ userName }: { userName: string }) {
  const detail = useUser(userName);
  if (detail.isPending) return <Spinner />;
  if (detail.error) return <ErrorAlert error={detail.error} header="Could not list what the user has" />;
  const items = userDependencies(detail.data);
  const unknown = unknownDependencies(detail.data);
  if (items.length === 0 && unknown.length === 0) {
    return <Box>{userName} has no access keys, MFA devices, console password, policies or group memberships.</Box>;
  }
  return (
    <SpaceBetween size="xs">
      {items.length > 0 ? (
        <SpaceBetween size="xxs">
          <Box>Deleting {userName} also removes:</Box>
          <ul>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </SpaceBetween>
      ) : null}
      {unknown.length > 0 ? (
        <SpaceBetween size="xs">
          <Box>
            You may not see whether {userName} has these. The delete looks again and stops at the first step IAM refuses:
          </Box>
          <UnknownSections sections={unknown} />
        </SpaceBetween>
      ) : null}
    </SpaceBetween>
  );
}

export interface DeleteUsersModalProps {
  userNames: string[];
  onClose: () => void;
  onDeleted: (userNames: string[]) => void;
}

// One user is confirmed by typing its name (IAM console, documented). Several: the word "delete", typed in
// any case — what AWS consoles ask for bulk deletes (ECS, CloudShell docs); Cloudscape's pattern default
// would be "confirm". A typed count was the alternative; a word is harder to type by accident.
const MULTI_DELETE_WORD = 'delete';

/** Deletes users the console's way (dependencies first), after a confirmation that names them. */
export function DeleteUsersModal({ userNames, onClose, onDeleted }: DeleteUsersModalProps) {
  const deleteUser = useDeleteUser();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const single = userNames.length === 1 ? userNames[0] : undefined;

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    const deleted: string[] = [];
    for (const userName of userNames) {
      try {
        await deleteUser.mutateAsync(userName);
        deleted.push(userName);
      } catch (failure) {
        if (single) setError(failure);
        else notifyError(`Could not delete ${userName}`, failure, { subjects: [about.user(userName)] });
      }
    }
    setDeleting(false);
    if (deleted.length > 0) {
      notifySuccess(deleted.length === 1 ? `User ${deleted[0]} deleted.` : `${deleted.length} users deleted.`, { subjects: deleted.map(about.user) });
      onDeleted(deleted);
    }
    if (deleted.length === userNames.length) onClose();
  };

  return (
    <ConfirmDeleteModal
      visible
      title={single ? `Delete ${single}?` : `Delete ${userNames.length} users?`}
      confirmationText={single ?? MULTI_DELETE_WORD}
      ignoreCase={!single}
      inputLabel={single ? undefined : `Confirm by typing ${MULTI_DELETE_WORD}`}
      deleting={deleting}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {single ? (
        <SingleUserDependencies userName={single} />
      ) : (
        <div>
          <Box>
            Permanently delete these {userNames.length} users, together with their access keys, MFA devices, console passwords,
            attached and inline policies and group memberships?
          </Box>
          <ul data-testid="users-to-delete">
            {userNames.map((name) => (
              <li key={name}>
                <b>{name}</b>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDeleteModal>
  );
}
