import { Loader, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';

const ArrHistoryChart = lazy(() => import('./ArrHistoryChart.tsx'));

interface ArrHistory {
  currency: string;
  note: string | null;
  points: Array<{ day: string; arr: number; before: number; kind: string }>;
}

const KIND_WORDS: Record<string, string> = {
  new: 'new',
  expansion: 'expansion',
  contraction: 'contraction',
  churn: 'churn',
  reactivation: 'reactivation',
};

/** The account's ARR over time: a sentence, a step chart and the changes in a table. */
export function AccountArrCard({ accountId }: { accountId: string }) {
  const history = useQuery({
    queryKey: ['revenue', 'accounts', accountId, 'arr-history'],
    queryFn: () => get<ArrHistory>(`/api/v1/revenue/accounts/${accountId}/arr-history`),
  });
  const h = history.data;
  const money = (n: number) => formatMoney(n, h?.currency ?? 'USD');
  const last = h?.points.at(-1);
  return (
    <Paper withBorder p="sm" data-testid="account-arr">
      <Title order={3} size="h4">
        ARR over time
      </Title>
      {history.isPending && <Loader aria-label="Loading ARR" />}
      {history.isError && <ErrorState error={history.error} />}
      {h && h.points.length === 0 && <Text c="dimmed">No subscription recorded yet.</Text>}
      {h && last && (
        <>
          <Text size="sm" data-testid="arr-sentence">
            ARR is {money(last.arr)} since {formatDate(last.day)}, after {h.points.length} change
            {h.points.length === 1 ? '' : 's'} since {formatDate(h.points[0]?.day)}.{h.note && ` ${h.note}`}
          </Text>
          <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
            <ArrHistoryChart points={h.points} />
          </Suspense>
          <Table verticalSpacing={4} data-testid="arr-table">
            <VisuallyHidden component="caption">Each day the account’s ARR changed</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">ARR before</Table.Th>
                <Table.Th scope="col">ARR after</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...h.points].reverse().map((p) => (
                <Table.Tr key={p.day}>
                  <Table.Td>{formatDate(p.day)}</Table.Td>
                  <Table.Td>{KIND_WORDS[p.kind] ?? p.kind}</Table.Td>
                  <Table.Td>{money(p.before)}</Table.Td>
                  <Table.Td>{money(p.arr)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
