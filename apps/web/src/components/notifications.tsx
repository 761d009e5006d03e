import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useSyncExternalStore } from 'react';
import { errorHeadline, errorMessage, ErrorReference } from './error-alert.tsx';

type Notification = FlashbarProps.MessageDefinition & { id: string; subjects: readonly string[] };

/**
 * What a notification is about (e.g. `user/alice`): a newer one about the same thing replaces it, and one about
 * a thing replaces those about its parts (`group/admins` those about `group/admins/policy/ReadOnly`).
 */
export interface NotifyOptions {
  subjects?: readonly string[];
}

/**
 * Subject names, spelled one way: a creation and a deletion notice about one thing must match. A part of a thing
 * is named below it, so the thing's deletion clears the notices about its parts. IAM names hold no `/`.
 */
export const about = {
  user: (name: string) => `user/${name}`,
  group: (name: string) => `group/${name}`,
  role: (name: string) => `role/${name}`,
  policy: (name: string) => `policy/${name}`,
  /** A part of `owner` that has no other parent: its tags, its permissions boundary, an inline policy. */
  part: (owner: string, ...names: string[]) => [owner, ...names].join('/'),
  /** A managed policy attached to a user, group or role: part of both. */
  attachment: (owner: string, policyName: string) => [`${owner}/policy/${policyName}`, `policy/${policyName}/attached/${owner}`],
  /** A user in a group: part of both. */
  membership: (groupName: string, userName: string) => [`group/${groupName}/member/${userName}`, `user/${userName}/group/${groupName}`],
  accessKey: (userName: string, id: string) => `user/${userName}/access-key/${id}`,
  accountAlias: 'account-alias',
  passwordPolicy: 'password-policy',
} as const;

/** Whether news about `subject` makes an older notice about `old` stale: the same thing, or a part of it. */
const covers = (subject: string, old: string) => old === subject || old.startsWith(`${subject}/`);

// A tiny store outside React so any mutation callback can announce its outcome in the shell's Flashbar.
let notifications: Notification[] = [];
const listeners = new Set<() => void>();
let nextId = 0;

function emit() {
  for (const listener of listeners) listener();
}

export function dismissNotification(id: string) {
  notifications = notifications.filter((item) => item.id !== id);
  emit();
}

/** What the shell shows now, newest first. */
export function currentNotifications(): readonly FlashbarProps.MessageDefinition[] {
  return notifications;
}

export function clearNotifications() {
  notifications = [];
  emit();
}

export function notify(message: Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'>, options: NotifyOptions = {}) {
  const id = `n${nextId++}`;
  const subjects = options.subjects ?? [];
  const item: Notification = {
    ...message,
    id,
    subjects,
    dismissible: true,
    dismissLabel: 'Dismiss',
    onDismiss: () => dismissNotification(id),
  };
  // "User alice created." is stale once alice is deleted, and so is "Policy attached to alice": only the
  // newest word about a thing stays.
  const current = notifications.filter((old) => !old.subjects.some((oldSubject) => subjects.some((subject) => covers(subject, oldSubject))));
  // The newest first; five are plenty to read.
  notifications = [item, ...current].slice(0, 5);
  emit();
  return id;
}

export function notifySuccess(content: string, options?: NotifyOptions) {
  return notify({ type: 'success', content }, options);
}

export function notifyError(action: string, error: unknown, options?: NotifyOptions) {
  return notify({
    type: 'error',
    header: errorHeadline(error, action),
    content: (
      <>
        {errorMessage(error)}
        <ErrorReference error={error} />
      </>
    ),
  }, options);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Notifications() {
  const items = useSyncExternalStore(subscribe, () => notifications);
  return <Flashbar items={items} stackItems={items.length > 2} />;
}
