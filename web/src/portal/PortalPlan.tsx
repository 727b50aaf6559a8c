import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { phaseLabel, TASK_STATE_COLORS, TASK_STATE_LABELS } from '../delivery/labels.ts';
import { formatDate } from '../ui/format.ts';
import type { PortalTask, PortalView } from './portal-api.ts';

/** The whole plan, phase by phase, read-only: what happens when, and who (us or you) does it. */
export function PortalPlan({ view }: { view: PortalView }) {
  const phases = useMemo(() => {
    const map = new Map<string, PortalTask[]>();
    for (const t of view.tasks) map.set(t.phase, [...(map.get(t.phase) ?? []), t]);
    return [...map.entries()];
  }, [view.tasks]);
  return (
    <Paper withBorder p="lg" data-testid="portal-plan">
      <Title order={2} size="h4" mb="sm">
        The plan
      </Title>
      <Stack gap="md">
        {phases.map(([phase, tasks]) => {
          const done = tasks.filter((t) => t.state === 'done').length;
          return (
            <div key={phase}>
              <Group justify="space-between">
                <Text fw={700}>{phaseLabel(phase)}</Text>
                <Text size="xs" c="dimmed">
                  {done} of {tasks.length} done
                </Text>
              </Group>
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {tasks.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Text
                          size="sm"
                          td={t.state === 'done' ? 'line-through' : undefined}
                          c={t.state === 'done' ? 'dimmed' : undefined}
                        >
                          {t.name}
                        </Text>
                      </Table.Td>
                      <Table.Td w={90}>
                        <Text size="xs" c="dimmed">
                          {t.customerOwned ? 'You' : 'Our team'}
                        </Text>
                      </Table.Td>
                      <Table.Td w={110}>
                        <Badge size="sm" variant="light" color={TASK_STATE_COLORS[t.state]}>
                          {TASK_STATE_LABELS[t.state]}
                        </Badge>
                      </Table.Td>
                      <Table.Td w={190}>
                        <Text size="xs">
                          {t.doneOn
                            ? `done ${formatDate(t.doneOn)}`
                            : `${formatDate(t.forecastStart)} → ${formatDate(t.forecastFinish)}`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
