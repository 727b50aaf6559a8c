import { Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';
import { HelpedFigure } from '../usage/figure-help.tsx';
import { RiskJobStatus } from './RiskJobStatus.tsx';
import { type Backtest, f2, pct, RISK_HELP } from './types.ts';
import { useRiskJob } from './useRiskJob.ts';

const CalibrationChart = lazy(() => import('./CalibrationChart.tsx').then((m) => ({ default: m.CalibrationChart })));

const LEARNER = { logistic: 'regularised logistic regression', boosting: 'boosted trees' } as const;

/** The backtest of the churn-risk model: how well it ranks and how well its probabilities match what happened. */
export function RiskModelTab({ session }: { session: Session }) {
  const answer = useQuery({
    queryKey: ['health', 'risk', 'backtest'],
    queryFn: () => get<{ backtest: Backtest | null }>('/api/v1/health/risk/backtest'),
    // The demo runs its first backtest in a job just after start: look again until it is there.
    refetchInterval: (q) => (q.state.data && q.state.data.backtest === null ? 5000 : false),
  });
  const backtest = useRiskJob('/api/v1/health/risk/backtest');
  const score = useRiskJob('/api/v1/health/risk/score');
  const b = answer.data?.backtest;
  return (
    <Stack data-testid="risk-model">
      {answer.isError && <ErrorState error={answer.error} />}
      {answer.isPending && <Loader aria-label="Loading the backtest" />}
      {can(session, 'health:write') && (
        <Stack gap="xs">
          <Group>
            <Button onClick={backtest.start} loading={backtest.running} data-testid="run-backtest">
              Run the backtest
            </Button>
            <Button variant="default" onClick={score.start} loading={score.running}>
              Score the accounts again
            </Button>
          </Group>
          <RiskJobStatus run={backtest} />
          <RiskJobStatus run={score} />
        </Stack>
      )}
      {answer.data && !b && (
        <Paper withBorder p="md" data-testid="backtest-empty">
          <Text fw={600}>No backtest yet.</Text>
          <Text size="sm" mt="xs">
            A backtest hides each tenth of the accounts with a known renewal outcome in turn, fits the model on the rest
            and checks its predictions on the hidden ones. Run it once accounts with an outcome are imported (
            <code>baton import accounts … --attributes … --outcome …</code>).
          </Text>
        </Paper>
      )}
      {b && (
        <>
          <Text size="sm" c="dimmed" data-testid="backtest-when">
            Backtest of {formatDateTime(b.createdAt)}: {b.n} accounts with a known outcome, {b.positives} of them
            churned ({pct(b.positives / b.n)}), {b.folds} folds; the folds mostly chose {LEARNER[b.model]}.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <HelpedFigure testId="auc" label="AUC (all held-out predictions)" value={f2(b.auc)} help={RISK_HELP.auc} />
            <HelpedFigure
              testId="lift"
              label="Lift in the riskiest tenth"
              value={b.liftTopDecile === null ? '—' : `${b.liftTopDecile.toFixed(1)}×`}
              help={RISK_HELP.lift}
            />
            <HelpedFigure
              testId="history"
              label="History"
              value={`${b.n} accounts, ${b.positives} churned`}
              help={RISK_HELP.folds}
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              AUC per fold
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {RISK_HELP.folds} Folds that differ much say the history is small.
            </Text>
            <Table data-testid="auc-folds">
              <Table.Thead>
                <Table.Tr>
                  {b.aucFolds.map((_, i) => (
                    <Table.Th key={i} scope="col">
                      Fold {i + 1}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {b.aucFolds.map((a, i) => (
                    <Table.Td key={i}>{f2(a)}</Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4">
                Calibration
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {RISK_HELP.calibration}
              </Text>
              <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
                <CalibrationChart bins={b.calibration} />
              </Suspense>
              <Table data-testid="calibration-table" mt="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Predicted</Table.Th>
                    <Table.Th scope="col">Churned</Table.Th>
                    <Table.Th scope="col">Accounts</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.calibration.map((c) => (
                    <Table.Tr key={c.bin}>
                      <Table.Td>{pct(c.predicted)}</Table.Td>
                      <Table.Td>{pct(c.observed)}</Table.Td>
                      <Table.Td>{c.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4">
                What the model leans on
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {RISK_HELP.features}
              </Text>
              <Table data-testid="top-features">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Attribute</Table.Th>
                    <Table.Th scope="col">AUC lost when shuffled</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.topFeatures.map((f) => (
                    <Table.Tr key={f.feature}>
                      <Table.Th scope="row">{f.feature}</Table.Th>
                      <Table.Td>{f.importance.toFixed(3)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {b.setAside.length > 0 && (
                <Text size="xs" c="dimmed" mt="xs">
                  Set aside: {b.setAside.map((s) => `${s.attribute} (${s.reason})`).join('; ')}.
                </Text>
              )}
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
