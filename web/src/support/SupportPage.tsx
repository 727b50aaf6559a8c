import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { DeflectionCard } from './DeflectionCard.tsx';
import { GapsCard } from '../knowledge/GapsCard.tsx';
import { LoadCard } from './LoadCard.tsx';
import { ModelCard } from './ModelCard.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { TicketDrawer } from './TicketDrawer.tsx';
import { CATEGORIES, CATEGORY_LABELS, type Category, SOURCE_LABELS, type Ticket, type TicketPage } from './types.ts';

function CategoryCell({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const client = useQueryClient();
  const correct = useMutation({
    mutationFn: (category: Category) => api<Ticket>('PATCH', `/api/v1/support/tickets/${ticket.id}`, { category }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['support', 'tickets'] }),
  });
  if (!canWrite) return <>{ticket.category ? CATEGORY_LABELS[ticket.category] : 'Unlabelled'}</>;
  return (
    <NativeSelect
      aria-label={`Category of ticket ${ticket.externalId}`}
      value={ticket.category ?? ''}
      disabled={correct.isPending}
      onChange={(e) => e.currentTarget.value && correct.mutate(e.currentTarget.value as Category)}
      data={[
        ...(ticket.category ? [] : [{ value: '', label: 'Unlabelled' }]),
        ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
      ]}
      size="xs"
    />
  );
}

function TicketTable(props: { tickets: Ticket[]; canWrite: boolean; testId: string; onOpen: (id: string) => void }) {
  const { tickets, canWrite, testId, onOpen } = props;
  return (
    <Table data-testid={testId} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Opened</Table.Th>
          <Table.Th scope="col">Ticket</Table.Th>
          <Table.Th scope="col">Customer</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Category</Table.Th>
          <Table.Th scope="col">Labelled by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td>{formatDate(t.createdAt)}</Table.Td>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(t.id)}>
                {t.externalId}: {t.subject ?? '—'}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {t.organization ?? t.requesterEmail ?? '—'}
              {t.accountId === null && ' (no account)'}
            </Table.Td>
            <Table.Td>{t.status ?? '—'}</Table.Td>
            <Table.Td>
              <CategoryCell ticket={t} canWrite={canWrite} />
            </Table.Td>
            <Table.Td>{t.categorySource ? SOURCE_LABELS[t.categorySource] : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Support: tickets with their category and who gave it, corrections, the classifier’s figures, unmatched tickets. */
export function SupportPage({ session }: { session: Session }) {
  const [category, setCategory] = useState('');
  const [unmatched, setUnmatched] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const canWrite = can(session, 'support:write');
  const tickets = useInfiniteQuery({
    queryKey: ['support', 'tickets', category, unmatched],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<TicketPage>(
        `/api/v1/support/tickets${query({
          limit: 50,
          cursor: pageParam,
          category: category || undefined,
          unmatched: unmatched ? 'true' : undefined,
        })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: can(session, 'support:read'),
  });
  if (!can(session, 'support:read')) return <Text>Your role does not see support tickets.</Text>;
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack data-testid="support-page">
      <Title order={2}>Support</Title>
      <LoadCard canWrite={canWrite} />
      <GapsCard canDraft={can(session, 'knowledge:write')} />
      {can(session, 'knowledge:read') && <DeflectionCard />}
      <Paper withBorder p="md">
        <Title order={3} size="h4">
          Tickets
        </Title>
        <Group align="flex-end" my="sm">
          <NativeSelect
            label="Category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data={[
              { value: '', label: 'Every category' },
              ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
            ]}
            w={220}
          />
          <Checkbox
            label="Only tickets without an account"
            checked={unmatched}
            onChange={(e) => setUnmatched(e.currentTarget.checked)}
          />
        </Group>
        {unmatched && (
          <Alert color="blue" mb="sm">
            No account was found for these tickets by CRM id, organization or email domain. They are matched as soon as
            such an account is created or imported.
          </Alert>
        )}
        {tickets.error && <ErrorState error={tickets.error} />}
        {tickets.isLoading && <Loader aria-label="Loading tickets" />}
        {tickets.data && items.length === 0 && <Text>No tickets here. Import them under Settings → Imports.</Text>}
        {items.length > 0 && <TicketTable tickets={items} canWrite={canWrite} testId="ticket-table" onOpen={setOpen} />}
        {tickets.hasNextPage && (
          <Button
            variant="default"
            mt="sm"
            onClick={() => void tickets.fetchNextPage()}
            loading={tickets.isFetchingNextPage}
          >
            More tickets
          </Button>
        )}
      </Paper>
      <TicketDrawer
        id={open}
        onClose={() => setOpen(null)}
        canSuggest={can(session, 'knowledge:read')}
        canDraft={can(session, 'knowledge:write')}
      />
      <RulesEditor canWrite={canWrite} />
      <ModelCard canWrite={canWrite} />
    </Stack>
  );
}
