import { Alert, Button, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  type ModelAnswer,
  SOURCE_LABELS,
  type Ticket,
  type TicketPage,
} from './types.ts';

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** The classifier's last fit, said in a sentence, and the button that trains it again. */
function ModelCard({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const model = useQuery({ queryKey: ['support', 'model'], queryFn: () => get<ModelAnswer>('/api/v1/support/model') });
  const train = useMutation({
    mutationFn: () => api<{ jobId: string }>('POST', '/api/v1/support/model/train'),
    onSuccess: () => setTimeout(() => void client.invalidateQueries({ queryKey: ['support'] }), 3000),
  });
  const m = model.data?.model;
  return (
    <Paper withBorder p="md" data-testid="support-model">
      <Title order={3} size="h4">
        Ticket categories
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        A ticket keeps its help desk’s category; otherwise the workspace’s keyword rules label it, then the model
        trained on the tickets the help desk or a person labelled. A person’s correction wins and teaches the next fit.
      </Text>
      {model.error && <ErrorState error={model.error} />}
      {m ? (
        <Text data-testid="model-figures">
          Trained on {m.n} labelled tickets; {m.folds}-fold accuracy {pct(m.accuracy)}, macro-F1 {pct(m.macroF1)} (of
          the tickets held out in each fold, {pct(m.accuracy)} got the category the help desk or a person gave them;
          macro-F1 averages each category’s balance of precision and recall, each category counting alike). Trained{' '}
          {formatDate(m.trainedAt)}.
        </Text>
      ) : (
        !model.isLoading && (
          <Text>Not trained yet: label ten tickets or more, in two categories or more, and train.</Text>
        )
      )}
      {canWrite && (
        <Group mt="sm">
          <Button onClick={() => train.mutate()} loading={train.isPending}>
            Train on labelled tickets
          </Button>
          {train.isSuccess && <Text size="sm">Training queued; the figures update when it is done.</Text>}
          {train.error && <ErrorState error={train.error} />}
        </Group>
      )}
    </Paper>
  );
}

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

function TicketTable({ tickets, canWrite, testId }: { tickets: Ticket[]; canWrite: boolean; testId: string }) {
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
              {t.externalId}: {t.subject ?? '—'}
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
  const canWrite = can(session, 'support:write');
  const tickets = useInfiniteQuery({
    queryKey: ['support', 'tickets', category, unmatched],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<TicketPage>(
        `/api/v1/support/tickets${query({ limit: 50, cursor: pageParam, category: category || undefined, unmatched: unmatched ? 'true' : undefined })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: can(session, 'support:read'),
  });
  if (!can(session, 'support:read')) return <Text>Your role does not see support tickets.</Text>;
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack data-testid="support-page">
      <Title order={2}>Support</Title>
      <ModelCard canWrite={canWrite} />
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
        {items.length > 0 && <TicketTable tickets={items} canWrite={canWrite} testId="ticket-table" />}
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
    </Stack>
  );
}
