import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';
import { type AlertDelivery, type AlertSubscription, stageLabel, type TestAnswer } from './alert-types.ts';
import { AlertSubscriptionModal } from './AlertSubscriptionModal.tsx';

const STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  sending: 'violet',
  sent: 'teal',
  failed: 'orange',
  dead: 'red',
};
const CHANNEL_LABELS: Record<string, string> = { slack: 'Slack', email: 'Email', webhook: 'Webhook' };

function describe(s: AlertSubscription): string {
  const stages = s.stages.length === 0 ? 'every stage' : s.stages.map(stageLabel).join(', ');
  const severity = s.minSeverity === 'severe' ? 'severe signals' : `${s.minSeverity} signals and above`;
  const when = s.mode === 'daily_digest' ? 'in a daily digest' : 'as they open or rise';
  return `Hears of ${severity} in ${stages}, ${when}.`;
}

/** Settings → Alerts: who hears of signals and how, a test through every channel, the delivery log. */
export function AlertsTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const manage = can(session, 'alerts:manage');
  const [editing, setEditing] = useState<AlertSubscription | 'new' | null>(null);
  const subs = useQuery({
    queryKey: ['alert-subscriptions'],
    queryFn: () => get<{ items: AlertSubscription[] }>('/api/v1/alerts/subscriptions').then((r) => r.items),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['alert-subscriptions'] });
  const toggle = useMutation({
    mutationFn: (s: AlertSubscription) => api('PATCH', `/api/v1/alerts/subscriptions/${s.id}`, { enabled: !s.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/alerts/subscriptions/${id}`),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: () => api<{ items: TestAnswer[] }>('POST', '/api/v1/alerts/test').then((r) => r.items),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          A signal that opens, or whose severity rises, is sent to every enabled subscription whose stages and severity
          it matches: once each, retried for about six hours when the channel does not answer.
        </Text>
        {manage && (
          <Group>
            <Button variant="default" onClick={() => test.mutate()} loading={test.isPending}>
              Send a test alert
            </Button>
            <Button onClick={() => setEditing('new')}>Add a subscription</Button>
          </Group>
        )}
      </Group>
      {test.data && (
        <Paper withBorder p="sm" aria-live="polite">
          <Title order={3} size="h5" mb="xs">
            What each channel answered
          </Title>
          {test.data.length === 0 && <Text size="sm">No subscription is enabled.</Text>}
          {test.data.map((a) => (
            <Text size="sm" key={a.subscriptionId}>
              <Badge color={a.ok ? 'teal' : 'red'} variant="light" mr="xs">
                {a.ok ? 'ok' : 'failed'}
              </Badge>
              {CHANNEL_LABELS[a.channel]} {a.target}: {a.status ?? 'no answer'} {a.answer}
            </Text>
          ))}
        </Paper>
      )}
      {subs.isError && <ErrorState error={subs.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="alert-subscriptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Sends to</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>State</Table.Th>
              {manage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(subs.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{CHANNEL_LABELS[s.channel]}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.target}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(s)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={s.enabled ? 'teal' : 'gray'} variant="light">
                    {s.enabled ? 'enabled' : 'disabled'}
                  </Badge>
                  {s.disabledReason && (
                    <Text size="xs" c="dimmed" maw={280}>
                      {s.disabledReason}
                    </Text>
                  )}
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Change the ${CHANNEL_LABELS[s.channel]} subscription to ${s.target}`}
                        onClick={() => setEditing(s)}
                      >
                        Change
                      </Button>
                      <Button size="xs" variant="default" onClick={() => toggle.mutate(s)}>
                        {s.enabled ? 'Disable' : 'Enable'}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        aria-label={`Delete the ${CHANNEL_LABELS[s.channel]} subscription to ${s.target}`}
                        onClick={() =>
                          confirmAction('Delete this subscription and its delivery log?') && remove.mutate(s.id)
                        }
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            {subs.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={manage ? 5 : 4}>
                  <Text size="sm" c="dimmed">
                    No one hears of signals yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <DeliveryLog manage={manage} />
      {editing && (
        <AlertSubscriptionModal editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function DeliveryLog({ manage }: { manage: boolean }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState('all');
  const log = useQuery({
    queryKey: ['alert-deliveries', status],
    queryFn: () =>
      get<{ items: AlertDelivery[] }>(
        `/api/v1/alerts/deliveries${query({ status: status === 'all' ? undefined : status, limit: 100 })}`,
      ).then((r) => r.items),
  });
  const replay = useMutation({
    mutationFn: (id: string) => api<AlertDelivery>('POST', `/api/v1/alerts/deliveries/${id}/replay`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['alert-deliveries'] }),
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Delivery log
        </Title>
        <SegmentedControl
          value={status}
          onChange={setStatus}
          aria-label="Deliveries to show"
          data={[
            { value: 'all', label: 'All' },
            { value: 'failed', label: 'Retrying' },
            { value: 'dead', label: 'Dead' },
            { value: 'sent', label: 'Sent' },
          ]}
        />
      </Group>
      {log.isError && <ErrorState error={log.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="alert-deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Alert</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
              {manage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log.data ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm">{d.title}</Text>
                  <Text size="xs" c="dimmed">
                    queued {formatDateTime(d.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[d.status]} variant="light">
                    {d.status}
                  </Badge>
                  {d.nextAttemptAt && d.status !== 'sent' && d.status !== 'dead' && (
                    <Text size="xs" c="dimmed">
                      next try {formatDateTime(d.nextAttemptAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="xs">
                    {d.lastStatus ?? ''} {d.lastError ?? d.lastResponse ?? '—'}
                  </Text>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => replay.mutate(d.id)}>
                      Replay
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            {log.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={manage ? 5 : 4}>
                  <Text size="sm" c="dimmed">
                    No alert has been queued yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
