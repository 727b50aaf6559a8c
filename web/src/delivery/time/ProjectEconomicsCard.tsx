import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import { formatMoney } from '../../ui/format.ts';
import { REWORK_CAUSE_LABELS } from '../labels.ts';
import type { ProjectEconomics } from './time-api.ts';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** A project's services economics: hours, delivery cost, revenue, margin, estimate accuracy by task type, rework. Needs margin:read. */
export function ProjectEconomicsCard({ projectId }: { projectId: string }) {
  const econ = useQuery({
    queryKey: ['delivery', 'time', 'economics', projectId],
    queryFn: () => get<ProjectEconomics>(`/api/v1/projects/${projectId}/economics`),
  });
  if (econ.isError) return <Alert color="red">{econ.error.message}</Alert>;
  const e = econ.data;
  if (!e) return null;
  return (
    <Paper withBorder p="md" data-testid="project-economics">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Services economics</Title>
          <Text size="xs" c="dimmed">
            {e.commercialModel === 'fixed_fee' ? 'Fixed fee' : 'Time and materials'}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Hours (billable)" value={`${e.hours.total} (${e.hours.billable})`} testId="econ-hours" />
          <Figure label="Delivery cost" value={formatMoney(e.deliveryCost, e.currency)} testId="econ-cost" />
          <Figure label="Services revenue" value={formatMoney(e.revenue, e.currency)} testId="econ-revenue" />
          <Figure label="Margin" value={pct(e.margin)} testId="econ-margin" />
          <Figure label="Rework" value={`${e.rework.hours} h · ${pct(e.rework.share)}`} testId="econ-rework" />
        </SimpleGrid>
        {e.rework.byCause.length > 0 && (
          <Table fz="sm" verticalSpacing={2} data-testid="econ-rework-causes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rework cause</Table.Th>
                <Table.Th>Records</Table.Th>
                <Table.Th>Hours</Table.Th>
                <Table.Th>Cost</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.rework.byCause.map((c) => (
                <Table.Tr key={c.cause}>
                  <Table.Td>{REWORK_CAUSE_LABELS[c.cause] ?? c.cause}</Table.Td>
                  <Table.Td>{c.records}</Table.Td>
                  <Table.Td>{c.hours}</Table.Td>
                  <Table.Td>{formatMoney(c.cost, e.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {e.estimateAccuracy.length > 0 && (
          <Table fz="sm" verticalSpacing={2} data-testid="econ-accuracy">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task type</Table.Th>
                <Table.Th>Tasks</Table.Th>
                <Table.Th>Estimated h</Table.Th>
                <Table.Th>Actual h</Table.Th>
                <Table.Th>Actual / estimate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.estimateAccuracy.map((a) => (
                <Table.Tr key={a.taskType}>
                  <Table.Td>{a.taskType}</Table.Td>
                  <Table.Td>{a.tasks}</Table.Td>
                  <Table.Td>{a.estimatedHours}</Table.Td>
                  <Table.Td>{a.actualHours}</Table.Td>
                  <Table.Td c={a.ratio !== null && a.ratio > 1.2 ? 'red' : undefined}>
                    {a.ratio === null ? '—' : `${a.ratio}×`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
