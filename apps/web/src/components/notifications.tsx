import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useSyncExternalStore } from 'react';
import { errorHeadline, errorMessage, ErrorReference } from './error-alert.tsx';

type Notification = FlashbarProps.MessageDefinition & { id: string };

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

export function clearNotifications() {
  notifications = [];
  emit();
}

export function notify(message: Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'>) {
  const id = `n${nextId++}`;
  const item: Notification = {
    ...message,
    id,
    dismissible: true,
    dismissLabel: 'Dismiss',
    onDismiss: () => dismissNotification(id),
  };
  // The newest first; five are plenty to read.
  notifications = [item, ...notifications].slice(0, 5);
  emit();
  return id;
}

export function notifySuccess(content: string) {
  return notify({ type: 'success', content });
}

export function notifyError(action: string, error: unknown) {
  return notify({
    type: 'error',
    header: errorHeadline(error, action),
    content: (
      <>
        {errorMessage(error)}
        <ErrorReference error={error} />
      </>
    ),
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Notifications() {
  const items = useSyncExternalStore(subscribe, () => notifications);
  return <Flashbar items={items} stackItems={items.length > 2} />;
}
