import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ProjectDetail } from '../types.ts';

/**
 * A change to the project that answers with the whole project (every write does: the forecast follows each
 * one): the page shows the answer at once, lists and signals reload.
 */
export function useProjectMutation<V>(
  id: string,
  request: (vars: V) => { method: string; url: string; body?: unknown },
  message: string | ((p: ProjectDetail) => string),
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => {
      const r = request(vars);
      return api<ProjectDetail>(r.method, r.url, r.body ?? {});
    },
    onSuccess: (p) => {
      qc.setQueryData(['project', id], p);
      qc.invalidateQueries({ queryKey: ['projects'] });
      qc.invalidateQueries({ queryKey: ['project-timeline', id] });
      qc.invalidateQueries({ queryKey: ['signals'] });
      qc.invalidateQueries({ queryKey: ['delivery', 'time', 'economics', id] });
      notifications.show({ color: 'teal', message: typeof message === 'function' ? message(p) : message });
    },
    onError: (err: Error) => notifications.show({ color: 'red', message: err.message }),
  });
}
