import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { MyWork, WorkKind } from '../../../src/modules/plays/my-work.ts';
import { get, query } from '../api/client.ts';
import { useMembers } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Session, Signal } from '../api/types.ts';
import { SignalActions } from '../signals/SignalActions.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';

const KIND_WORDS: Record<WorkKind, [string, string]> = {
  signal: ['signal', 'signals'],
  task: ['task', 'tasks'],
  clarification: ['question', 'questions'],
  play_task: ['play task', 'play tasks'],
};
const KIND_COLORS: Record<WorkKind, string> = {
  signal: 'orange',
  task: 'blue',
  clarification: 'grape',
  play_task: 'teal',
};

const count = (n: number, kind: WorkKind) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;

/** My work: the signals on my accounts, my project tasks and the questions on my briefs, money at stake first. */
export function MyWorkPage({ session }: { session: Session }) {
  const [kind, setKind] = useState<'all' | WorkKind>('all');
  // Admins may read a colleague's queue (to cover for them, or to see what a new team member faces).
  const admin = can(session, 'workspace:manage') && session.user !== null;
  const members = useMembers(admin);
  const [whose, setWhose] = useState<string | null>(null);
  const userId = whose && whose !== session.user?.id ? whose : undefined;
  const work = useQuery({
    queryKey: ['my-work', userId ?? null],
    queryFn: () => get<MyWork>(`/api/v1/my-work${query({ userId })}`),
  });
  if (work.isPending) return <Loader aria-label="Loading the work" />;
  if (work.isError) return <ErrorState error={work.error} />;
  const w = work.data;
  const by = (k: WorkKind) => w.items.filter((i) => i.kind === k).length;
  const shown = kind === 'all' ? w.items : w.items.filter((i) => i.kind === kind);
  const kinds = (['signal', 'play_task', 'task', 'clarification'] as const).filter((k) => by(k) > 0);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>My work</Title>
        {admin && (
          <Select
            label="Whose work"
            w={280}
            allowDeselect={false}
            value={whose ?? session.user?.id ?? null}
            onChange={setWhose}
            data={(members.data ?? [])
              .filter((m) => m.role !== 'partner')
              .map((m) => ({
                value: m.id,
                label: m.id === session.user?.id ? `${m.name} (me)` : `${m.name}, ${m.role}`,
              }))}
          />
        )}
      </Group>
      <Text data-testid="my-work-summary">
        {w.items.length === 0
          ? 'Nothing waits for you: no active signal on your accounts, no open task, no unanswered question.'
          : `${w.items.length} ${w.items.length === 1 ? 'thing' : 'things'} to do: ` +
            `${kinds.map((k) => count(by(k), k)).join(', ')}. ` +
            (w.currency
              ? 'The money at stake comes first (the account’s ARR at risk, or its ARR before churn risk is ' +
                'scored), then the soonest due.'
              : 'The soonest due comes first.')}
      </Text>
      {w.items.length > 0 && (
        <SegmentedControl
          aria-label="Show"
          value={kind}
          onChange={(v) => setKind(v as 'all' | WorkKind)}
          data={[
            { value: 'all', label: `All (${w.items.length})` },
            ...kinds.map((k) => ({
              value: k,
              label: `${KIND_WORDS[k][1][0]?.toUpperCase()}${KIND_WORDS[k][1].slice(1)} (${by(k)})`,
            })),
          ]}
          w="fit-content"
        />
      )}
      <Stack gap="sm" data-testid="my-work-items">
        {shown.map((item) => (
          <Paper key={`${item.kind}:${item.id}`} withBorder p="sm" component="article" aria-label={item.title}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge color={KIND_COLORS[item.kind]} variant="light">
                    {KIND_WORDS[item.kind][0]}
                  </Badge>
                  <Anchor component={RouterLink} to={item.href} fw={600}>
                    {item.title}
                  </Anchor>
                </Group>
                {item.account && (
                  <Text size="sm" c="dimmed">
                    {item.account.name}
                  </Text>
                )}
              </Stack>
              <Stack gap={0} align="flex-end">
                {item.moneyAtRisk !== null && (
                  <Text fw={600}>{formatMoney(item.moneyAtRisk, w.currency)} at stake</Text>
                )}
                {item.due && <Text size="sm">Due {formatDate(item.due)}</Text>}
              </Stack>
            </Group>
            <Text size="sm" mt={4}>
              {item.why}
            </Text>
            {item.signal && (
              <SignalActions
                signal={{
                  id: item.id,
                  title: item.title,
                  attention: item.signal.attention as Signal['attention'],
                  snoozedUntil: item.signal.snoozedUntil,
                  resolvedAt: null,
                }}
              />
            )}
          </Paper>
        ))}
      </Stack>
      {w.items.length === 0 && (
        <Alert variant="light" color="teal">
          When a signal is raised on an account you own, a task is assigned to you or delivery asks about your brief, it
          shows here.
        </Alert>
      )}
    </Stack>
  );
}
