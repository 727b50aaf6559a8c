import { useQuery } from '@tanstack/react-query';
import { get } from './client.ts';
import type { Member, Partner } from './types.ts';

/** Members of the workspace (owners, users), loaded once and shared by every page. */
export function useMembers(enabled = true) {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => get<{ items: Member[] }>('/api/v1/users').then((r) => r.items),
    enabled,
  });
}

export function usePartners(enabled = true) {
  return useQuery({
    queryKey: ['partners'],
    queryFn: () => get<{ items: Partner[] }>('/api/v1/partners').then((r) => r.items),
    enabled,
  });
}

/** id → name lookups for owner and partner columns. */
export function useNames(enabled = true) {
  const members = useMembers(enabled);
  const partners = usePartners(enabled);
  const users = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const firms = new Map((partners.data ?? []).map((p) => [p.id, p.name]));
  return {
    user: (id: string | null) => (id ? (users.get(id) ?? '—') : '—'),
    partner: (id: string | null) => (id ? (firms.get(id) ?? '—') : null),
  };
}
