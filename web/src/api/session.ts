import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, get, setCsrfToken } from './client.ts';
import type { Session } from './types.ts';

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await get<Session>('/api/v1/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export const can = (session: Session | null | undefined, permission: string): boolean =>
  Boolean(session?.permissions.includes(permission));

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api<void>('POST', '/api/v1/session', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/api/v1/session'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(['session'], null);
    },
  });
}

export function useSwitchWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) => api<Session>('PUT', '/api/v1/session/workspace', { workspaceId }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.clear();
      qc.setQueryData(['session'], session);
    },
  });
}
