import { Anchor, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { get } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { type Portfolio, PORTFOLIO_HELP, stageLabel } from '../health/portfolio.ts';
import { pct, RISK_HELP } from '../health/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatDateTime, formatMoney } from '../ui/format.ts';
import { bandLabel } from './bands.ts';

const StageChart = lazy(() => import('./HomeChart.tsx'));
const BandChart = lazy(() => import('./BandChart.tsx'));
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Red accounts carry $X of ARR, $Y of it at risk." — the weakest band in a sentence, or nothing. */
function bandSentence(byBand: Portfolio['byBand'], money: (n: number) => string): string {
  const red = byBand.find((b) => b.band === 'red');
  if (!red) return 'No account is in the red band.';
  return (
    `${plural(red.accounts, 'account')} in the red band carry ${money(red.arr)} of ARR, ${money(red.arrAtRisk)} ` +
    `of it at risk.`
  );
}

/** The first page: which accounts are at risk, why, and how much ARR — in a sentence, a chart and a short list. */
export function HomePage({ session }: { session: Session }) {
  const portfolio = useQuery({
    queryKey: ['health', 'portfolio'],
    queryFn: () => get<Portfolio>('/api/v1/health/portfolio?top=8'),
    // The demo scores its accounts in a job just after the first start: look again until scores are there.
    refetchInterval: (q) => (q.state.data?.totals.scoredAccounts === 0 ? 5000 : false),
  });
  const p = portfolio.data;
  const money = (n: number) => formatMoney(n, p?.currency ?? 'USD');
  const within120 = p?.renewals.find((w) => w.withinDays === 120);
  return (
    <Stack data-testid="home-page">
      <div>
        <Title order={2}>Today in {session.workspace.name}</Title>
        <Text c="dimmed" size="sm">
          Which accounts are at risk, why, and how much ARR
        </Text>
      </div>
      {portfolio.isError && <ErrorState error={portfolio.error} />}
      {portfolio.isPending && <Loader aria-label="Loading the portfolio" />}
      {p && (
        <Paper withBorder p="md">
          <Text size="lg" data-testid="portfolio-sentence">
            <strong>{money(p.totals.arrAtRisk)}</strong> of {money(p.totals.arr)} ARR is at risk across{' '}
            {plural(p.totals.accountsAtRisk, 'account')}
            {within120 && (
              <>
                ; {within120.accounts} renew within 120 days ({money(within120.arr)} ARR, {money(within120.arrAtRisk)}{' '}
                of it at risk)
              </>
            )}
            .
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {PORTFOLIO_HELP.arrAtRisk} {RISK_HELP.probability} {PORTFOLIO_HELP.health}
            {p.scoredAt && ` Scored ${formatDateTime(p.scoredAt)} by ${p.model}; figures as of ${formatDate(p.today)}.`}
          </Text>
        </Paper>
      )}
      {p && p.totals.scoredAccounts === 0 && (
        <Paper withBorder p="md" data-testid="home-empty">
          <Text fw={600}>No account has a churn-risk score yet.</Text>
          <Text size="sm" mt="xs">
            Import accounts whose renewal outcome you know, then score them under{' '}
            <Anchor component={Link} to="/health/model">
              Health › Risk model
            </Anchor>
            . Until then the ARR at risk is zero.
          </Text>
        </Paper>
      )}
      {p && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              ARR at risk by chain stage
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {PORTFOLIO_HELP.chainStage}
            </Text>
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
              <StageChart byStage={p.byStage} />
            </Suspense>
            <Table mt="sm" verticalSpacing={4} data-testid="stage-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Chain stage</Table.Th>
                  <Table.Th scope="col">Accounts</Table.Th>
                  <Table.Th scope="col">ARR</Table.Th>
                  <Table.Th scope="col">ARR at risk</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.byStage.map((s) => (
                  <Table.Tr key={s.stage ?? 'none'}>
                    <Table.Th scope="row">{stageLabel(s.stage)}</Table.Th>
                    <Table.Td>{s.accounts}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(s.arr)}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(s.arrAtRisk)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              Renewals coming up
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              Accounts whose next renewal falls within the days given, counted from {formatDate(p.today)}; each window
              includes the shorter ones.
            </Text>
            <Table verticalSpacing={4} data-testid="renewal-windows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Within</Table.Th>
                  <Table.Th scope="col">Accounts</Table.Th>
                  <Table.Th scope="col">ARR</Table.Th>
                  <Table.Th scope="col">ARR at risk</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.renewals.map((w) => (
                  <Table.Tr key={w.withinDays}>
                    <Table.Th scope="row">{w.withinDays} days</Table.Th>
                    <Table.Td>{w.accounts}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(w.arr)}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(w.arrAtRisk)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Anchor component={Link} to="/health/renewals" size="sm" mt="sm" display="inline-block">
              See every renewal by ARR at risk
            </Anchor>
          </Paper>
        </SimpleGrid>
      )}
      {p && p.byBand.some((b) => b.band !== null) && (
        <Paper withBorder p="md">
          <Title order={3} size="h4">
            ARR at risk by health band
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            Each account counts in the band of its current health score (0–100, from its segment’s scorecard); ARR at
            risk is churn probability × ARR, as above. {bandSentence(p.byBand, money)}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
              <BandChart byBand={p.byBand} />
            </Suspense>
            <Table verticalSpacing={4} data-testid="band-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Health band</Table.Th>
                  <Table.Th scope="col">Accounts</Table.Th>
                  <Table.Th scope="col">ARR</Table.Th>
                  <Table.Th scope="col">ARR at risk</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.byBand.map((b) => (
                  <Table.Tr key={b.band ?? 'none'}>
                    <Table.Th scope="row">{bandLabel(b.band)}</Table.Th>
                    <Table.Td>{b.accounts}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(b.arr)}</Table.Td>
                    <Table.Td style={NOWRAP}>{money(b.arrAtRisk)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        </Paper>
      )}
      {p && p.topAtRisk.length > 0 && (
        <Paper withBorder>
          <Title order={3} size="h4" p="md" pb={0}>
            The accounts most at risk
          </Title>
          <Table verticalSpacing="xs" data-testid="top-at-risk">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Account</Table.Th>
                <Table.Th scope="col">ARR at risk</Table.Th>
                <Table.Th scope="col">Renews</Table.Th>
                <Table.Th scope="col">Owners</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.topAtRisk.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/accounts/${a.accountId}`} fw={600}>
                      {a.account}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {stageLabel(a.chainStage)}
                    </Text>
                  </Table.Th>
                  <Table.Td style={NOWRAP}>
                    <Text fw={600} size="sm">
                      {money(a.arrAtRisk ?? 0)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {pct(a.probability ?? 0)} of {money(a.arr)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    {a.nextRenewal ? `${formatDate(a.nextRenewal)} (in ${plural(a.daysToRenewal ?? 0, 'day')})` : '—'}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Text size="sm">CSM: {a.csm ?? 'none'}</Text>
                    <Text size="sm">Account manager: {a.accountManager ?? 'none'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ul style={{ margin: 0, paddingLeft: '1.1em' }}>
                      {a.why.slice(0, 3).map((s) => (
                        <li key={s}>
                          <Text size="sm">{s}</Text>
                        </li>
                      ))}
                      {a.signals.slice(0, 3).map((s) => (
                        <li key={`signal:${s}`}>
                          <Text size="sm">Open signal: {s}</Text>
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
    </Stack>
  );
}
