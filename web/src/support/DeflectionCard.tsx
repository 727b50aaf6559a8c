import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import type { DeflectionReport } from './types.ts';

const DAYS = 90;
const day = (d: Date) => d.toISOString().slice(0, 10);
const CHANNELS: Record<string, string> = { staff: 'People in Baton', ticket: 'New tickets', widget: 'Help widget' };

/** Deflection of the last 90 days: of the article suggestions answered, how many helped, by channel. */
export function DeflectionCard() {
  const to = new Date();
  const from = new Date(to.getTime() - DAYS * 86_400_000);
  const report = useQuery({
    queryKey: ['knowledge', 'deflections', 'report', day(to)],
    queryFn: () =>
      get<DeflectionReport>(`/api/v1/knowledge/deflections/report${query({ from: day(from), to: day(to) })}`),
  });
  const r = report.data;
  return (
    <Paper withBorder p="md" data-testid="deflection-card">
      <Title order={3} size="h4">
        Deflection, last {DAYS} days
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Articles suggested for a question before it became a ticket, and whether the asker said they helped. Only
        answered suggestions count towards the rate.
      </Text>
      {report.error && <ErrorState error={report.error} />}
      {r && <Text data-testid="deflection-sentence">{r.sentence}</Text>}
      {r && r.byChannel.length > 0 && (
        <Table mt="sm" data-testid="deflection-channels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Asked through</Table.Th>
              <Table.Th scope="col">Suggestions</Table.Th>
              <Table.Th scope="col">Answered</Table.Th>
              <Table.Th scope="col">Helped</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.byChannel.map((c) => (
              <Table.Tr key={c.channel}>
                <Table.Th scope="row" fw={400}>
                  {CHANNELS[c.channel] ?? c.channel}
                </Table.Th>
                <Table.Td>{c.suggestions}</Table.Td>
                <Table.Td>{c.answered}</Table.Td>
                <Table.Td>{c.helped}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
