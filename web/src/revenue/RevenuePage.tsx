import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { HelpedFigure } from '../usage/figure-help.tsx';
import { Movements, Renewals, StripeAndWaiting, SubscriptionImport } from './RevenueLists.tsx';
import type { ArrAnswer, RetentionAnswer } from './types.ts';

const WaterfallChart = lazy(() => import('./RevenueCharts.tsx').then((m) => ({ default: m.WaterfallChart })));
const CohortChart = lazy(() => import('./RevenueCharts.tsx').then((m) => ({ default: m.CohortChart })));

const iso = (d: Date) => d.toISOString().slice(0, 10);
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const VALID = /^\d{4}-\d{2}-\d{2}$/;

/** What each figure is, said where it shows. */
export const REVENUE_HELP = {
  arr: 'Σ ARR of each account’s subscriptions running that day (started on or before it, not yet ended); trials count for nothing; MRR × 12 where only MRR was given.',
  nrr: 'Of the accounts with ARR on the first day: (start + expansion − contraction − churn) ÷ start. Each account’s net change over the period counts once.',
  grr: 'Of the same accounts: (start − contraction − churn) ÷ start — what was kept, ignoring growth.',
  start: 'ARR on the first day of the accounts that had some then: the base retention is measured against.',
  waterfall:
    'Every account’s ARR from the first day to the last: accounts new since, accounts back after churning (reactivation), up (expansion), down to a lower ARR (contraction) or to none (churn).',
  cohorts: 'Accounts grouped by the quarter of their first paid subscription; NRR of each group over the same period.',
} as const;

/** Revenue: ARR with its day, the waterfall and cohort NRR over a period, movements, renewals, Stripe and imports. */
export function RevenuePage({ session }: { session: Session }) {
  const [to, setTo] = useState(iso(new Date()));
  const [from, setFrom] = useState(yearBefore(iso(new Date())));
  const period = VALID.test(from) && VALID.test(to) && from <= to ? { from, to } : null;
  const arr = useQuery({
    queryKey: ['revenue', 'arr', to],
    queryFn: () => get<ArrAnswer>(`/api/v1/revenue/arr${query({ on: to })}`),
    enabled: VALID.test(to),
  });
  const retention = useQuery({
    queryKey: ['revenue', 'retention', period],
    queryFn: () => get<RetentionAnswer>(`/api/v1/revenue/retention${query(period ?? {})}`),
    enabled: period !== null,
  });
  if (!can(session, 'revenue:read')) return <Text>Your role does not see revenue.</Text>;
  const r = retention.data;
  const money = (n: number) => formatMoney(n, r?.currency ?? arr.data?.currency ?? 'USD');
  return (
    <Stack data-testid="revenue-page">
      <Title order={2}>Revenue</Title>
      <Group align="flex-end">
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={180} />
        <TextInput
          label="To (ARR as of)"
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={180}
        />
        {!period && (
          <Text c="red.8" size="sm">
            Choose a first day on or before the last.
          </Text>
        )}
      </Group>
      {(arr.error || retention.error) && <ErrorState error={arr.error ?? retention.error} />}
      {(arr.data?.note ?? r?.note) && (
        <Alert color="yellow" title="Several currencies" data-testid="currency-note">
          {arr.data?.note ?? r?.note}
        </Alert>
      )}
      {(arr.isLoading || retention.isLoading) && <Loader aria-label="Loading revenue" />}
      {arr.data && r && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <HelpedFigure
            testId="total-arr"
            label={`Total ARR on ${formatDate(arr.data.on)} (${arr.data.accounts.length} accounts)`}
            value={money(arr.data.totalArr)}
            help={REVENUE_HELP.arr}
          />
          <HelpedFigure testId="nrr" label="Net revenue retention" value={pct(r.nrr)} help={REVENUE_HELP.nrr} />
          <HelpedFigure testId="grr" label="Gross revenue retention" value={pct(r.grr)} help={REVENUE_HELP.grr} />
          <HelpedFigure
            testId="start-arr"
            label={`ARR on ${formatDate(r.from)} of ${r.accounts} accounts`}
            value={money(r.startArr)}
            help={REVENUE_HELP.start}
          />
        </SimpleGrid>
      )}
      {r && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              ARR waterfall, {formatDate(r.from)} → {formatDate(r.to)}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {REVENUE_HELP.waterfall}
            </Text>
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
              <WaterfallChart w={r.waterfall} />
            </Suspense>
            <Table data-testid="waterfall-table" mt="sm">
              <Table.Tbody>
                {(
                  [
                    ['Start', r.waterfall.start],
                    ['+ New', r.waterfall.new],
                    ['+ Reactivation', r.waterfall.reactivation],
                    ['+ Expansion', r.waterfall.expansion],
                    ['− Contraction', r.waterfall.contraction],
                    ['− Churn', r.waterfall.churn],
                    ['End', r.waterfall.end],
                  ] as const
                ).map(([label, n]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td ta="right">{money(n)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              NRR by cohort
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {REVENUE_HELP.cohorts}
            </Text>
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
              <CohortChart cohorts={r.cohorts} />
            </Suspense>
            <Table data-testid="cohort-table" mt="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Cohort</Table.Th>
                  <Table.Th scope="col">Accounts</Table.Th>
                  <Table.Th scope="col">Start ARR</Table.Th>
                  <Table.Th scope="col">End ARR</Table.Th>
                  <Table.Th scope="col">GRR</Table.Th>
                  <Table.Th scope="col">NRR</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.cohorts.map((c) => (
                  <Table.Tr key={c.cohort}>
                    <Table.Th scope="row">{c.cohort}</Table.Th>
                    <Table.Td>{c.accounts}</Table.Td>
                    <Table.Td>{money(c.startArr)}</Table.Td>
                    <Table.Td>{money(c.endArr)}</Table.Td>
                    <Table.Td>{pct(c.grr)}</Table.Td>
                    <Table.Td>{pct(c.nrr)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </SimpleGrid>
      )}
      <Movements to={to} />
      <Renewals />
      <StripeAndWaiting />
      {can(session, 'imports:run') && <SubscriptionImport />}
    </Stack>
  );
}
