import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Commitment, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { options } from '../ui/labels.ts';
import { STATUS_COLORS, STATUS_LABELS, STATUS_ORDER } from './labels.ts';
import { StrengthBadge } from './WordsReading.tsx';

const STATUS_OPTIONS = STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }));

/** One row of the product view: the promise, and for reviewers a new status with a note. */
function ReviewRow({ c, mayReview }: { c: Commitment; mayReview: boolean }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>(c.status);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => api<Commitment>('PUT', `/api/v1/commitments/${c.id}/status`, { status, note: note || null }),
    onSuccess: (updated) => {
      qc.invalidateQueries({ queryKey: ['commitments'] });
      qc.invalidateQueries({ queryKey: ['commitment-exposure'] });
      setNote('');
      notifications.show({
        color: updated.exposed ? 'orange' : 'teal',
        message: `${c.what}: ${STATUS_LABELS[updated.status]}${updated.exposed ? ', still exposed' : ''}`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const changed = status !== c.status || note.trim() !== '';
  return (
    <Table.Tr>
      <Table.Td maw={300}>
        <Text size="sm" fw={500}>
          {c.what}
        </Text>
        <Text size="xs" c="dimmed">
          {c.accountName ?? '—'} · to {c.toName} · {formatDate(c.madeOn)}
        </Text>
      </Table.Td>
      <Table.Td maw={240}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <StrengthBadge strength={c.strength} phrase={c.matchedPhrase} />
          <Text size="sm" fs="italic">
            “{c.words}”
          </Text>
        </Group>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.dueDate ? formatDate(c.dueDate) : '—'}</Table.Td>
      <Table.Td>
        {mayReview ? (
          <Select
            data={STATUS_OPTIONS}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
            w={190}
            size="xs"
            aria-label={`Status of ${c.what}`}
          />
        ) : (
          <Badge color={STATUS_COLORS[c.status]} variant="light">
            {STATUS_LABELS[c.status]}
          </Badge>
        )}
        {c.exposed && (
          <Text size="xs" c="orange">
            exposed
          </Text>
        )}
      </Table.Td>
      {mayReview && (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              size="xs"
              placeholder="Note (why, which release…)"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              w={220}
              aria-label={`Note for ${c.what}`}
            />
            <Button size="xs" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
              Save
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Product's view of the ledger: the promises to review, where leaders set product's status inline with a note. */
export function ReviewView({ session }: { session: Session }) {
  const mayReview = can(session, 'commitments:review');
  const [statuses, setStatuses] = useState<string[]>(['not_reviewed', 'under_consideration']);
  const [exposedOnly, setExposedOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ['commitments', 'review', { statuses, exposedOnly }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<Commitment> & { total: number }>(
        `/api/v1/commitments${query({ limit: 50, cursor: pageParam, status: statuses.join(','), exposed: exposedOnly ? 'true' : undefined })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      {!mayReview && (
        <Alert color="gray" variant="light">
          Product leaders (leader and admin roles) set product's status here; you see where each promise stands.
        </Alert>
      )}
      <Group>
        <MultiSelect
          data={options(STATUS_LABELS)}
          value={statuses}
          onChange={setStatuses}
          clearable
          w={420}
          aria-label="Statuses to review"
          placeholder="Every status"
        />
        <Switch label="Exposed only" checked={exposedOnly} onChange={(e) => setExposedOnly(e.currentTarget.checked)} />
        {list.data && (
          <Text size="sm" c="dimmed">
            {list.data.pages[0]?.total} to look at
          </Text>
        )}
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} />
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" data-testid="commitments-review-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Promise</Table.Th>
                <Table.Th>Words used</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Product's status</Table.Th>
                {mayReview && <Table.Th>Note</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <ReviewRow key={`${c.id}:${c.updatedAt}`} c={c} mayReview={mayReview} />
              ))}
            </Table.Tbody>
          </Table>
          {!list.isPending && rows.length === 0 && (
            <Alert m="md" color="gray" variant="light" title="Nothing to review">
              No promise has these statuses.
            </Alert>
          )}
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}
