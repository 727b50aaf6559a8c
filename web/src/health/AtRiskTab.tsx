import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { AccountDrawer } from '../accounts/AccountDrawer.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatDateTime, formatMoney } from '../ui/format.ts';
import { RiskJobStatus } from './RiskJobStatus.tsx';
import { type AccountRiskList, pct, RISK_HELP } from './types.ts';
import { useRiskJob } from './useRiskJob.ts';

const PAGE = 50;

/** The accounts at risk, most ARR at risk first, each driver said in a sentence; rescoring for those who may. */
export function AtRiskTab({ session }: { session: Session }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['health', 'risk', 'accounts'],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      get<AccountRiskList>(
        `/api/v1/health/risk/accounts${query({ sort: 'arr_at_risk', limit: PAGE, offset: pageParam })}`,
      ),
    getNextPageParam: (last, pages) => {
      const read = pages.reduce((n, p) => n + p.items.length, 0);
      return read < last.total ? read : undefined;
    },
    // The demo scores its accounts in a job just after the first start: look again until scores are there.
    refetchInterval: (q) => (q.state.data?.pages[0]?.total === 0 ? 5000 : false),
  });
  const rescore = useRiskJob('/api/v1/health/risk/score');
  const writer = can(session, 'health:write');
  const first = list.data?.pages[0];
  const d = first && { ...first, items: list.data?.pages.flatMap((p) => p.items) ?? [] };
  const money = (n: number) => formatMoney(n, d?.currency ?? 'USD');
  return (
    <Stack data-testid="at-risk">
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <Loader aria-label="Loading the accounts at risk" />}
      {d && d.total > 0 && (
        <Text data-testid="arr-at-risk-total">
          <strong>{money(d.totalArrAtRisk)}</strong> of {money(d.totalArr)} ARR is at risk across {d.total} scored
          accounts. {RISK_HELP.arrAtRisk}
        </Text>
      )}
      {d && d.total > 0 && (
        <Text size="xs" c="dimmed">
          Scored {formatDateTime(d.scoredAt)} by {d.model}. Probability: {RISK_HELP.probability} Decile:{' '}
          {RISK_HELP.decile}
        </Text>
      )}
      {writer && (
        <Group>
          <Button variant="default" onClick={rescore.start} loading={rescore.running} data-testid="rescore">
            Score the accounts again
          </Button>
          <RiskJobStatus run={rescore} />
        </Group>
      )}
      {d && d.total === 0 && (
        <Paper withBorder p="md" data-testid="at-risk-empty">
          <Text fw={600}>No account has a churn-risk score yet.</Text>
          <Text size="sm" mt="xs">
            The model learns from accounts whose renewal outcome you know. Import them with their attributes —{' '}
            <code>baton import accounts accounts.csv --attributes seats_used,plan,… --outcome churned</code> — then run
            the backtest under Risk model and score the accounts (or <code>baton risk score --workspace …</code>). It
            needs at least 20 accounts with an outcome, 5 of them churned and 5 renewed.
          </Text>
        </Paper>
      )}
      {d && d.items.length > 0 && (
        <Paper withBorder>
          <Table striped verticalSpacing="xs" data-testid="at-risk-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Account</Table.Th>
                <Table.Th scope="col">Probability</Table.Th>
                <Table.Th scope="col">Decile</Table.Th>
                <Table.Th scope="col">ARR</Table.Th>
                <Table.Th scope="col">ARR at risk</Table.Th>
                <Table.Th scope="col">Next renewal</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Th scope="row">
                    <Anchor component="button" type="button" onClick={() => setOpenId(a.accountId)} fw={600}>
                      {a.account}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{pct(a.probability)}</Table.Td>
                  <Table.Td>{a.decile}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{money(a.arr)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                    {money(a.arrAtRisk)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.nextRenewal)}</Table.Td>
                  <Table.Td>
                    <ul style={{ margin: 0, paddingLeft: '1.1em' }}>
                      {a.drivers.map((dr) => (
                        <li key={dr.attribute}>
                          <Text size="sm">{dr.sentence}</Text>
                        </li>
                      ))}
                    </ul>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} session={session} />
    </Stack>
  );
}
