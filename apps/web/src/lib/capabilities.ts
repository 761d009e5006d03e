// Which of the console's changes IAM would let the signed-in principal make (GET /api/session/capabilities), so
// pages leave out controls that could only end in AccessDenied. A control is hidden only when IAM says "denied":
// while the answer loads, when it fails and when IAM would not say ("unknown"), every control stays, as IAM still
// decides each call.
import { useQuery } from '@tanstack/react-query';
import type { Capabilities, ConsoleAction } from '@iam-console/api-contract/capabilities.ts';
import type { Answer } from '@iam-console/api-contract/routes.ts';
import { api } from './api-client.ts';

export type { ConsoleAction } from '@iam-console/api-contract/capabilities.ts';

// Not under the session's key: switching role or going back drops every other query, this one included.
export const capabilitiesKey = ['capabilities'] as const;

/** Whether a control doing any of `actions` is offered, given the answer (or none yet). */
export function offers(capabilities: Capabilities | undefined, ...actions: ConsoleAction[]): boolean {
  if (!capabilities) return true;
  return actions.some((action) => capabilities.actions[action] !== 'denied');
}

/** `can(action, …)`: offer a control that does any of these actions. */
export function useCapabilities(): { can: (...actions: ConsoleAction[]) => boolean } {
  const { data } = useQuery({
    queryKey: capabilitiesKey,
    queryFn: () => api.get<Answer<'GET /api/session/capabilities'>>('/session/capabilities'),
    // The BFF keeps its answer for 5 minutes per session.
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { can: (...actions) => offers(data, ...actions) };
}
