import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, setCsrfToken } from '../api/client.ts';
import type { MyInvitation, Session } from '../api/types.ts';

/** Invitations waiting for the signed-in person, from any workspace. */
export function useMyInvitations(enabled = true) {
  return useQuery({
    queryKey: ['my-invitations'],
    queryFn: () => get<{ items: MyInvitation[] }>('/api/v1/invitations/mine').then((r) => r.items),
    enabled,
  });
}

/** Accepts an invitation and opens its workspace. */
export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { workspaceId } = await api<{ workspaceId: string }>('POST', `/api/v1/invitations/${id}/accept`);
      return api<Session>('PUT', '/api/v1/session/workspace', { workspaceId });
    },
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.clear();
      qc.setQueryData(['session'], session);
    },
  });
}

export function useDeclineInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/api/v1/invitations/${id}/decline`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my-invitations'] }),
  });
}
