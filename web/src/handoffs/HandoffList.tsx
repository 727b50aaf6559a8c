import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OpenRow } from '../ui/OpenRow.tsx';
import { get, query } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { BriefSummary, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatAgo, formatDate, formatMoney } from '../ui/format.ts';
import { promisedGoLivePassed } from './go-live.ts';
import { BRIEF_STATE_COLORS, BRIEF_STATE_LABELS } from './labels.ts';

const FILTERS = ['draft', 'submitted', 'returned', 'accepted'];

export function HandoffList({ session }: { session: Session }) {
  const navigate = useNavigate();
  const names = useNames(can(session, 'users:read'));
  // Each role opens on the queue it acts on: delivery on the briefs with delivery, the account executive on the drafts.
  const [state, setState] = useState(
    session.role === 'delivery' || (can(session, 'handoffs:review') && !can(session, 'handoffs:write'))
      ? 'submitted'
      : 'draft',
  );
  const [mine, setMine] = useState(false);
  const briefs = useInfiniteQuery({
    queryKey: ['handoffs', state, mine],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<BriefSummary> & { counts: Record<string, number> }>(
        `/api/v1/handoffs${query({ limit: 50, cursor: pageParam, state, mine: mine ? 'true' : undefined })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const counts = briefs.data?.pages[0]?.counts ?? {};
  const rows = briefs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={state}
          onChange={setState}
          data={FILTERS.map((f) => ({ value: f, label: `${BRIEF_STATE_LABELS[f]} (${counts[f] ?? 0})` }))}
          data-testid="handoff-filter"
        />
        {session.user && <Switch label="Only mine" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />}
      </Group>
      {briefs.isError && <ErrorState error={briefs.error} />}
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing="xs" data-testid="handoffs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deal</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th w={180}>Completeness</Table.Th>
              <Table.Th>Account executive</Table.Th>
              <Table.Th>Delivery lead</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <OpenRow key={b.id} onOpen={() => navigate(`/deals/handoffs/${b.id}`)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {b.dealName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatMoney(b.amount, b.currency)} · changed {formatAgo(b.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{b.accountName ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress
                      value={b.completeness}
                      w={100}
                      aria-label={`Brief ${b.completeness}% complete`}
                      color={b.completeness >= 80 ? 'teal' : b.completeness >= 50 ? 'yellow' : 'red'}
                    />
                    <Text size="xs">{b.completeness} %</Text>
                  </Group>
                </Table.Td>
                <Table.Td>{names.user(b.aeUserId)}</Table.Td>
                <Table.Td>{names.user(b.deliveryLeadUserId)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={BRIEF_STATE_COLORS[b.state]}>
                      {BRIEF_STATE_LABELS[b.state]}
                    </Badge>
                    {b.dealReopenedAt && (
                      <Badge variant="filled" color="red">
                        Deal reopened
                      </Badge>
                    )}
                    {promisedGoLivePassed(b) && (
                      <Badge variant="light" color="red" data-testid="go-live-passed">
                        Promised go-live {formatDate(b.promisedGoLive)} passed
                      </Badge>
                    )}
                    {b.openClarifications > 0 && (
                      <Badge variant="outline" color="orange">
                        {b.openClarifications} open question{b.openClarifications > 1 ? 's' : ''}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </OpenRow>
            ))}
          </Table.Tbody>
        </Table>
        {!briefs.isPending && rows.length === 0 && (
          <Alert m="md" color="gray" variant="light" title="No briefs here">
            A brief is created for every deal that passes the closed-won guard (Incoming deals).
          </Alert>
        )}
      </Paper>
      {briefs.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => briefs.fetchNextPage()}
          loading={briefs.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}
