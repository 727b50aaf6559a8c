import { Loader, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { LoadTable } from './LoadTable.tsx';
import { SlaTargetsCard } from './SlaTargetsCard.tsx';
import { CATEGORIES, CATEGORY_LABELS, type LoadsAnswer, type TrendWeek } from './types.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx'));
const WEEKS = 12;

/** The trend said in a sentence: tickets of the weeks shown, the largest category, the last week against the mean. */
function trendSentence(weeks: TrendWeek[]): string {
  const total = weeks.reduce((s, w) => s + w.total, 0);
  if (total === 0) return `No tickets were opened in the last ${weeks.length} weeks.`;
  const top = CATEGORIES.map((c) => ({ c, n: weeks.reduce((s, w) => s + w[c], 0) })).sort((a, b) => b.n - a.n)[0]!;
  const last = weeks.at(-1)!;
  const earlier = weeks.slice(0, -1);
  const mean = earlier.length ? earlier.reduce((s, w) => s + w.total, 0) / earlier.length : 0;
  return (
    `${total} tickets in the last ${weeks.length} weeks; the most were ${CATEGORY_LABELS[top.c].toLowerCase()} ` +
    `questions (${Math.round((top.n / total) * 100)} %). This week so far: ${last.total}, against ` +
    `${Math.round(mean * 10) / 10} a week before it.`
  );
}

/**
 * Support load after go-live per account, the service-level targets its SLA breaches are counted against, and the
 * weekly trend of tickets by category.
 */
export function LoadCard({ canWrite }: { canWrite: boolean }) {
  const loads = useQuery({ queryKey: ['support', 'loads'], queryFn: () => get<LoadsAnswer>('/api/v1/support/loads') });
  const trend = useQuery({
    queryKey: ['support', 'trend', WEEKS],
    queryFn: () => get<{ weeks: TrendWeek[] }>(`/api/v1/support/trend?weeks=${WEEKS}`),
  });
  return (
    <>
      <Paper withBorder p="md" data-testid="support-load">
        <Title order={3} size="h4">
          Load per account
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          How much each customer leans on support after go-live, heaviest first month first. Choose a column to sort by
          it; hover a column’s name, or read the list below, for what it counts.
        </Text>
        {loads.error && <ErrorState error={loads.error} />}
        {loads.isLoading && <Loader aria-label="Loading the load per account" />}
        {loads.data && loads.data.items.length === 0 && (
          <Text>No account has gone live or has a ticket yet, so there is no load to show.</Text>
        )}
        {loads.data && loads.data.items.length > 0 && <LoadTable loads={loads.data} />}
      </Paper>
      <SlaTargetsCard canWrite={canWrite} />
      <Paper withBorder p="md" data-testid="support-trend">
        <Title order={3} size="h4">
          Tickets per week
        </Title>
        {trend.error && <ErrorState error={trend.error} />}
        {trend.data && (
          <>
            <Text size="sm" mb="xs" data-testid="trend-sentence">
              {trendSentence(trend.data.weeks)}
            </Text>
            <Suspense fallback={<Loader aria-label="Loading the chart" />}>
              <TrendChart weeks={trend.data.weeks} />
            </Suspense>
          </>
        )}
      </Paper>
    </>
  );
}
