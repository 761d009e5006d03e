import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useSyncExternalStore } from 'react';
import { errorHeadline, errorMessage, ErrorReference } from './error-alert.tsx';

type Notification = FlashbarProps.MessageDefinition & { id: string; subjects: readonly string[] };

/** What a notification is about (e.g. `user/alice`): a newer one about the same thing replaces it. */
export interface NotifyOptions {
  subjects?: readonly string[];
}

/** Subject names, spelled one way: a creation and a deletion notice about one thing must match. */
export const about = {
  user: (name: string) => `user/${name}`,
  group: (name: string) => `group/${name}`,
  role: (name: string) => `role/${name}`,
  policy: (name: string) => `policy/${name}`,
  accessKey: (id: string) => `access-key/${id}`,
  accountAlias: 'account-alias',
} as const;

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
  // "User alice created." is stale once alice is deleted: only the newest word about a thing stays.
  const current = notifications.filter((old) => !old.subjects.some((subject) => subjects.includes(subject)));
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
