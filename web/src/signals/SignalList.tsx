import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import type { CostOfDelay, Page, Signal } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';
import { SignalActions } from './SignalActions.tsx';

const SEVERITY_COLORS: Record<string, string> = { info: 'blue', warning: 'orange', severe: 'red' };

/** The open signals about one record (a deal, a brief) or one account, with their evidence and the play. */
export function SignalList({ subjectIds, accountId }: { subjectIds?: string[]; accountId?: string }) {
  const signals = useQuery({
    queryKey: ['signals', subjectIds, accountId],
    queryFn: async () => {
      if (accountId) return (await get<Page<Signal>>(`/api/v1/signals${query({ accountId, limit: 50 })}`)).items;
      const pages = await Promise.all(
        (subjectIds ?? []).map((subjectId) => get<Page<Signal>>(`/api/v1/signals${query({ subjectId, limit: 50 })}`)),
      );
      return pages.flatMap((p) => p.items);
    },
  });
  return <SignalAlerts signals={signals.data ?? []} testId="signals" />;
}

/**
 * Signals as alerts: title, the evidence in sentences (the server writes them), the play, when first seen, and what
 * people did about it with the actions a reader may take.
 */
export function SignalAlerts({
  signals,
  testId,
}: {
  signals: ReadonlyArray<Signal & { costOfDelay?: CostOfDelay | null }>;
  testId: string;
}) {
  if (!signals.length) return null;
  return (
    <Stack gap="xs" data-testid={testId}>
      {signals.map((s) => (
        <Alert
          key={s.id}
          color={SEVERITY_COLORS[s.severity]}
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={s.title}
        >
          <Text size="sm" data-testid="signal-explanation">
            {s.explanation}
          </Text>
          {s.costOfDelay && (
            <Text size="sm" mt={4} fw={500} data-testid="signal-cost-of-delay">
              Cost of delay: {s.costOfDelay.sentence}
            </Text>
          )}
          {s.suggestedPlay && (
            <Text size="xs" mt={4} fw={500}>
              What to do: {s.suggestedPlay}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            First seen {formatDate(s.firstSeenAt)}
          </Text>
          <SignalActions signal={s} />
        </Alert>
      ))}
    </Stack>
  );
}
