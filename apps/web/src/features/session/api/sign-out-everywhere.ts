import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Ends every session of the signed-in principal (its other browsers, a session left open elsewhere), this one included. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/session/sign-out-everywhere'),
    // Only once the BFF confirmed it: after a failure this session may well still be signed in.
    onSuccess: () => {
      api.setCsrfToken(null);
      queryClient.clear();
    },
  });
}
