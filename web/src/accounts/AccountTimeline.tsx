import { Badge, Button, Chip, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';

/** One moment of the account's story, as `GET /api/v1/accounts/{id}/timeline` gives it. */
export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  title: string;
  sentence: string;
  ref: { kind: string; id: string };
  module: string;
}

interface TimelinePage {
  accountId: string;
  groups: string[];
  items: TimelineEntry[];
  nextCursor: string | null;
}

const GROUP_LABELS: Record<string, string> = {
  deal: 'Deal',
  brief: 'Brief',
  commitment: 'Promises',
  project: 'Project',
  usage: 'Usage',
  signal: 'Signals',
  subscription: 'Subscription',
  survey: 'Surveys',
  touch: 'Touches',
  ticket: 'Tickets',
  health: 'Health',
};

const groupOf = (kind: string) => kind.split('.')[0] ?? kind;

/** Everything that happened to the account, newest first, filtered by kind, a page at a time. */
export function AccountTimeline({ accountId }: { accountId: string }) {
  const [kinds, setKinds] = useState<string[]>([]);
  const timeline = useInfiniteQuery({
    queryKey: ['accounts', accountId, 'timeline', kinds],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<TimelinePage>(
        `/api/v1/accounts/${accountId}/timeline` +
          query({ limit: 25, cursor: pageParam, kinds: kinds.join(',') || undefined }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const groups = timeline.data?.pages[0]?.groups ?? [];
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="sm" data-testid="account-timeline">
      <Title order={3} size="h4">
        Timeline
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Everything that happened to the account, newest first: the deal, the brief, promises, projects and their slips,
        first use, signals, subscription changes, surveys, touches, tickets and health. Choose kinds to see only those.
      </Text>
      <Chip.Group multiple value={kinds} onChange={setKinds}>
        <Group gap="xs" role="group" aria-label="Kinds of moment to show" data-testid="timeline-kinds">
          {groups.map((g) => (
            <Chip key={g} value={g} size="xs">
              {GROUP_LABELS[g] ?? g}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {timeline.isError && <ErrorState error={timeline.error} />}
      {timeline.isPending && <Loader aria-label="Loading the timeline" />}
      {!timeline.isPending && items.length === 0 && (
        <Text c="dimmed" mt="sm">
          Nothing recorded yet{kinds.length > 0 ? ' of these kinds' : ''}.
        </Text>
      )}
      <Stack component="ol" gap={6} mt="sm" style={{ listStyle: 'none', padding: 0 }} data-testid="timeline-items">
        {items.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={96} style={{ flexShrink: 0 }}>
                <time dateTime={e.at}>{formatDate(e.at)}</time>
              </Text>
              <Badge variant="light" color="gray" w={104} style={{ flexShrink: 0 }}>
                {GROUP_LABELS[groupOf(e.kind)] ?? groupOf(e.kind)}
              </Badge>
              <div>
                <Text size="sm" fw={600}>
                  {e.title}
                </Text>
                <Text size="sm">{e.sentence}</Text>
              </div>
            </Group>
          </li>
        ))}
      </Stack>
      {timeline.hasNextPage && (
        <Button
          variant="default"
          mt="sm"
          onClick={() => timeline.fetchNextPage()}
          loading={timeline.isFetchingNextPage}
          data-testid="timeline-more"
        >
          Load more
        </Button>
      )}
    </Paper>
  );
}
