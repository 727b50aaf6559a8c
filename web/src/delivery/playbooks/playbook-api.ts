import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../api/client.ts';

/** API shapes of playbooks, from the server's pure type module. */
export type {
  PlaybookDefinition,
  PlaybookDetail,
  PlaybookFile,
  PlaybookMilestone,
  PlaybookPhase,
  PlaybookSummary,
  PlaybookTask,
  PlaybookVersionInfo,
} from '../../../../src/modules/delivery/playbooks/playbook.ts';
import type { PlaybookDetail, PlaybookSummary } from '../../../../src/modules/delivery/playbooks/playbook.ts';

/** The roles a task may name when the roles list cannot be read (the server checks them anyway). */
const FALLBACK_ROLES = ['project_manager', 'solution_architect', 'consultant', 'integration_engineer', 'trainer'];
export const CUSTOMER_ROLE = 'customer';
export const SEGMENT_OPTIONS = [
  { value: 'smb', label: 'SMB' },
  { value: 'mid_market', label: 'Mid-market' },
  { value: 'enterprise', label: 'Enterprise' },
];

export const usePlaybooks = () =>
  useQuery({
    queryKey: ['playbooks'],
    queryFn: () => get<{ items: PlaybookSummary[] }>('/api/v1/playbooks').then((r) => r.items),
  });

export const usePlaybook = (id: string) =>
  useQuery({ queryKey: ['playbooks', id], queryFn: () => get<PlaybookDetail>(`/api/v1/playbooks/${id}`) });

/** Delivery roles of the workspace (defaults and its own), for the owner-role pickers. */
export function useDeliveryRoles(): string[] {
  const roles = useQuery({
    queryKey: ['delivery-roles'],
    queryFn: () => get<{ roles: string[] }>('/api/v1/delivery/roles').then((r) => r.roles),
    retry: false,
    staleTime: 60_000,
  });
  return [...(roles.data ?? FALLBACK_ROLES), CUSTOMER_ROLE];
}

export const exportUrl = (id: string, format: 'yaml' | 'json', version?: number) =>
  `/api/v1/playbooks/${id}/export?format=${format}${version === undefined ? '' : `&version=${version}`}`;

/** Field errors of a failed save by their path without `body.` (`definition.phases[0].tasks[1].ownerRole`). */
export function problemsByPath(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const path = e.field.replace(/^body\.?/, '') || 'file';
    out.set(path, out.has(path) ? `${out.get(path)}; ${e.message}` : e.message);
  }
  return out;
}

/** The message at a path, or the messages of the fields under it (a task's dependsOn[2] under its dependsOn). */
export function errorAt(problems: Map<string, string>, path: string, under = false): string | undefined {
  if (!under) return problems.get(path);
  const found = [...problems]
    .filter(([p]) => p === path || p.startsWith(`${path}[`) || p.startsWith(`${path}.`))
    .map(([, m]) => m);
  return found.length ? found.join('; ') : undefined;
}
