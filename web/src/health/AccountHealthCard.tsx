import { Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { get } from '../api/client.ts';
import { formatDate } from '../ui/format.ts';
import { BandBadge } from './BandBadge.tsx';
import { SCORE_HELP, type ScoreHistory, type ScoreView } from './score.ts';

const ScoreHistoryChart = lazy(() => import('./ScoreHistoryChart.tsx').then((m) => ({ default: m.ScoreHistoryChart })));

/** An account's health: its score and band, why it moved in sentences, its last 90 days, each dimension's points. */
export function AccountHealthCard({ accountId }: { accountId: string }) {
  const view = useQuery({
    queryKey: ['health', 'score', accountId],
    queryFn: () => get<ScoreView>(`/api/v1/health/accounts/${accountId}/score`),
  });
  const history = useQuery({
    queryKey: ['health', 'score', accountId, 'history'],
    queryFn: () => get<ScoreHistory>(`/api/v1/health/accounts/${accountId}/score/history`),
  });
  const v = view.data;
  if (!v?.current) return null;
  const c = v.current;
  const moves = [...(v.why.sincePrevious?.moves ?? [])];
  for (const m of v.why.since30Days?.moves ?? []) if (!moves.some((x) => x.sentence === m.sentence)) moves.push(m);
  const points = history.data?.points ?? [];
  return (
    <Paper withBorder p="sm" data-testid="account-health">
      <Group justify="space-between">
        <Title order={4}>Health</Title>
        <BandBadge score={c.score} band={c.band} />
      </Group>
      {moves.length > 0 ? (
        <ul style={{ margin: '0.4em 0', paddingLeft: '1.1em' }} data-testid="health-why">
          {moves.map((m) => (
            <li key={`${m.dimension}-${m.since}`}>
              <Text size="sm">{m.sentence}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" my="xs">
          Nothing moved the score since {formatDate(c.scoredAt.slice(0, 10))}.
        </Text>
      )}
      {points.length > 1 && (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}>
          <ScoreHistoryChart points={points} />
        </Suspense>
      )}
      <Table verticalSpacing={4} mt="xs" data-testid="health-dimensions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col">Points</Table.Th>
            <Table.Th scope="col">What it read</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.components.dimensions.map((d) => (
            <Table.Tr key={d.dimension}>
              <Table.Th scope="row">{d.label}</Table.Th>
              <Table.Td>{d.points === null ? 'no data' : d.points}</Table.Td>
              <Table.Td>
                {d.measures.map((m) => (
                  <Text size="xs" key={m.measure}>
                    {m.sentence}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {SCORE_HELP} Scored on the {c.components.segment.replace('_', '-')} scorecard, version {c.scorecardVersion}.
      </Text>
    </Paper>
  );
}
