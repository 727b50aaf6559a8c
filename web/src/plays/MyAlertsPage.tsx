import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { type AlertSubscription, stageLabel, type TestAnswer } from '../settings/alert-types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { MyAlertModal } from './MyAlertModal.tsx';

const CHANNEL_LABELS: Record<string, string> = { slack: 'Slack', email: 'Email', webhook: 'Webhook' };
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** One subscription in a sentence: what reaches me, when, and when it waits. */
export function mySentence(s: AlertSubscription): string {
  const where = s.accounts === 'mine' ? 'on the accounts you own' : 'on every account';
  const stages = s.stages.length === 0 ? 'at every stage' : `at the ${s.stages.map(stageLabel).join(', ')} stages`;
  const severity = s.minSeverity === 'severe' ? 'Severe signals' : `Signals of ${s.minSeverity} and above`;
  const tasks = s.playTasks ? ', and your play tasks due,' : '';
  const when =
    s.mode === 'daily_digest'
      ? 'reach you once a day in a digest with the renewals within 30 days and the go-live slips'
      : `reach you as they open${s.playTasks ? ' (tasks due: one message each morning)' : ''}`;
  const quiet = s.quietHours
    ? ` Between ${hour(s.quietHours.startHour)} and ${hour(s.quietHours.endHour)} (${s.quietHours.timeZone}) ` +
      'alerts wait until the quiet hours end.'
    : '';
  return `${severity} ${where} ${stages}${tasks} ${when}.${quiet}`;
}

/** My alerts: my own subscriptions (what reaches me, where, when), added, changed, tested and removed by me. */
export function MyAlertsPage({ session }: { session: Session }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<AlertSubscription | 'new' | null>(null);
  const [answer, setAnswer] = useState<TestAnswer | null>(null);
  const subs = useQuery({
    queryKey: ['my-alert-subscriptions'],
    queryFn: () => get<{ items: AlertSubscription[] }>('/api/v1/alerts/my-subscriptions').then((r) => r.items),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['my-alert-subscriptions'] });
  const toggle = useMutation({
    mutationFn: (s: AlertSubscription) =>
      api('PATCH', `/api/v1/alerts/my-subscriptions/${s.id}`, { enabled: !s.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/alerts/my-subscriptions/${id}`),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: (id: string) => api<TestAnswer>('POST', `/api/v1/alerts/my-subscriptions/${id}/test`),
    onSuccess: setAnswer,
  });
  const email = session.user?.email ?? '';
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={680}>
          <Title order={2}>My alerts</Title>
          <Text size="sm">
            Choose which signals and play tasks reach you, on which channel, and when: as each signal opens, or once a
            day in a digest. Quiet hours hold alerts until they end. These are yours alone; the workspace’s alerts are
            kept by admins under Settings.
          </Text>
        </Stack>
        <Button onClick={() => setEditing('new')}>Add an alert</Button>
      </Group>
      {answer && (
        <Alert
          color={answer.ok ? 'teal' : 'red'}
          title={answer.ok ? 'Test sent' : 'Test failed'}
          withCloseButton
          closeButtonLabel="Dismiss the test result"
          onClose={() => setAnswer(null)}
          aria-live="polite"
        >
          {`${CHANNEL_LABELS[answer.channel]} ${answer.target} answered ${answer.status ?? 'nothing'}: ` +
            `${answer.answer || (answer.ok ? 'ok' : 'no answer')}.`}
        </Alert>
      )}
      {subs.isPending && <Loader aria-label="Loading my alerts" />}
      {subs.isError && <ErrorState error={subs.error} />}
      {subs.data && (
        <Paper withBorder>
          <Table verticalSpacing="xs" data-testid="my-alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sends to</Table.Th>
                <Table.Th>What reaches me</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subs.data.map((s) => {
                const name = `${CHANNEL_LABELS[s.channel]} alert to ${s.target}`;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {CHANNEL_LABELS[s.channel]}
                      </Text>
                      <Text size="sm">{s.target}</Text>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm">{mySentence(s)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={s.enabled ? 'teal' : 'gray'} variant="light">
                        {s.enabled ? 'on' : 'off'}
                      </Badge>
                      {s.disabledReason && (
                        <Text size="xs" maw={240}>
                          {s.disabledReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Change the ${name}`}
                          onClick={() => setEditing(s)}
                        >
                          Change
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Send me a test through the ${name}`}
                          loading={test.isPending && test.variables === s.id}
                          onClick={() => test.mutate(s.id)}
                        >
                          Send me a test
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${s.enabled ? 'Turn off' : 'Turn on'} the ${name}`}
                          onClick={() => toggle.mutate(s)}
                        >
                          {s.enabled ? 'Turn off' : 'Turn on'}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={`Remove the ${name}`}
                          onClick={() => confirmAction('Remove this alert?') && remove.mutate(s.id)}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {subs.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm">Nothing reaches you yet: add an alert to hear of your accounts’ signals.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && (
        <MyAlertModal email={email} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
