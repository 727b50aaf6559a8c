import { Button, Group, Select, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api/client.ts';
import { useMembers, useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';

interface Ownership {
  accountId: string;
  currentRole: 'ae' | 'delivery_lead' | 'csm' | 'account_manager';
  handoffs: Array<{
    id: string;
    fromRole: string;
    toRole: string;
    fromUserId: string | null;
    toUserId: string | null;
    at: string;
    note: string | null;
  }>;
}

const ROLE: Record<string, string> = {
  ae: 'Account executive',
  delivery_lead: 'Delivery lead',
  csm: 'Customer success',
  account_manager: 'Account manager',
};
const NEXT: Record<string, 'csm' | 'account_manager' | undefined> = { delivery_lead: 'csm', csm: 'account_manager' };

/** Who holds the account along the journey, each handoff dated, and the next handoff when it is due. */
export function OwnershipCard({ accountId, session }: { accountId: string; session: Session }) {
  const qc = useQueryClient();
  const names = useNames(can(session, 'users:read'));
  const members = useMembers(can(session, 'users:read'));
  const [to, setTo] = useState<string | null>(null);
  const ownership = useQuery({
    queryKey: ['ownership', accountId],
    queryFn: () => get<Ownership>(`/api/v1/accounts/${accountId}/ownership`),
  });
  const next = ownership.data ? NEXT[ownership.data.currentRole] : undefined;
  const handOver = useMutation({
    mutationFn: () =>
      api<Ownership>('POST', `/api/v1/accounts/${accountId}/ownership-handoffs`, { toRole: next, toUserId: to }),
    onSuccess: (o) => {
      qc.setQueryData(['ownership', accountId], o);
      qc.invalidateQueries({ queryKey: ['account', accountId] });
      notifications.show({ color: 'teal', message: `Handed to ${ROLE[o.currentRole]?.toLowerCase()}` });
      setTo(null);
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const o = ownership.data;
  if (!o) return null;
  return (
    <Stack gap="xs" data-testid="ownership">
      <Title order={4} mt="md">
        Ownership
      </Title>
      <Text size="sm">
        With the <b>{ROLE[o.currentRole]?.toLowerCase()}</b>
        {o.currentRole === 'ae' ? ' until delivery accepts the handoff brief.' : '.'}
      </Text>
      {o.handoffs.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2} active={o.handoffs.length}>
          {o.handoffs.map((h) => (
            <Timeline.Item key={h.id} title={`${ROLE[h.fromRole]} → ${ROLE[h.toRole]}`}>
              <Text size="xs" c="dimmed">
                {formatDate(h.at)} · {names.user(h.fromUserId)} → {names.user(h.toUserId)}
                {h.note ? ` · ${h.note}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {next && can(session, 'accounts:write') && can(session, 'users:read') && (
        <Group align="flex-end" gap="xs">
          <Select
            label={`Hand over to ${ROLE[next]?.toLowerCase()}`}
            searchable
            data={(members.data ?? []).filter((m) => m.role !== 'partner').map((m) => ({ value: m.id, label: m.name }))}
            value={to}
            onChange={setTo}
            w={260}
          />
          <Button variant="light" disabled={!to} onClick={() => handOver.mutate()} loading={handOver.isPending}>
            Hand over
          </Button>
        </Group>
      )}
    </Stack>
  );
}
