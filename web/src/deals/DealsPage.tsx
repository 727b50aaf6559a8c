import { Alert, Badge, Button, Code, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Deal, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { JOURNEY_STATES, MISSING } from '../ui/labels.ts';

const STATE_COLORS: Record<string, string> = {
  pending_confirmation: 'yellow',
  confirmed: 'teal',
  reopened: 'red',
  open: 'blue',
  lost: 'gray',
};
const FILTERS = ['pending_confirmation', 'confirmed', 'reopened', 'open', 'lost'];

export function DealsPage({ session }: { session: Session }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [state, setState] = useState('pending_confirmation');
  const deals = useInfiniteQuery({
    queryKey: ['deals', state],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<Deal> & { counts: Record<string, number> }>(
        `/api/v1/deals${query({ limit: 50, cursor: pageParam, state })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: can(session, 'deals:read'),
  });
  const confirm = useMutation({
    mutationFn: (id: string) => api<Deal>('PUT', `/api/v1/deals/${id}/finance-confirmation`, { confirmed: true }),
    onSuccess: (d) => {
      qc.invalidateQueries({ queryKey: ['deals'] });
      notifications.show({
        color: 'teal',
        message:
          d.journeyState === 'confirmed' ? `${d.name} entered the post-sale journey` : `${d.name}: booking confirmed`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const counts = deals.data?.pages[0]?.counts ?? {};
  const rows = deals.data?.pages.flatMap((p) => p.items) ?? [];
  if (!can(session, 'deals:read')) return <Text c="dimmed">Your role does not see deals.</Text>;
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Won deals enter the post-sale journey once the closed-won guard is satisfied (Settings → Workspace).
      </Text>
      <SegmentedControl
        w="fit-content"
        value={state}
        onChange={setState}
        data={FILTERS.map((f) => ({ value: f, label: `${JOURNEY_STATES[f]} (${counts[f] ?? 0})` }))}
      />
      {deals.isError && <ErrorState error={deals.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="deals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deal</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>Closed</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {d.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.source} {d.externalId} · {d.stage}
                  </Text>
                </Table.Td>
                <Table.Td>{d.accountName ?? '—'}</Table.Td>
                <Table.Td>{formatMoney(d.amount, d.currency)}</Table.Td>
                <Table.Td>{formatDate(d.closeDate)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[d.journeyState]} variant="light">
                    {JOURNEY_STATES[d.journeyState]}
                  </Badge>
                  {d.missing.length > 0 && d.stageCategory === 'won' && (
                    <Text size="xs" c="dimmed">
                      {d.missing.map((m) => MISSING[m]).join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {d.missing.includes('finance_confirmed') && can(session, 'deals:confirm') && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => confirm.mutate(d.id)}
                      loading={confirm.isPending && confirm.variables === d.id}
                    >
                      Confirm booking
                    </Button>
                  )}
                  {(d.journeyState === 'confirmed' || d.journeyState === 'reopened') &&
                    can(session, 'handoffs:read') && (
                      <Button size="xs" variant="subtle" onClick={() => navigate(`/deals/handoffs/deal/${d.id}`)}>
                        Handoff brief
                      </Button>
                    )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!deals.isPending && rows.length === 0 && (
          <Alert m="md" color="gray" variant="light" title="No deals here">
            Import deals from a CRM export with{' '}
            <Code>baton import deals &lt;file&gt; --workspace {session.workspace.slug}</Code>.
          </Alert>
        )}
      </Paper>
      {deals.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => deals.fetchNextPage()}
          loading={deals.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}
