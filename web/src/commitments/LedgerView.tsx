import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OpenRow } from '../ui/OpenRow.tsx';
import { get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Commitment, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { options } from '../ui/labels.ts';
import { CommitmentDrawer } from './CommitmentDrawer.tsx';
import { STATUS_COLORS, STATUS_LABELS } from './labels.ts';
import { RecordPromiseModal } from './RecordPromiseModal.tsx';
import { StrengthBadge } from './WordsReading.tsx';

type Ledger = Page<Commitment> & { total: number; counts: { all: number; exposed: number; overdue: number } };

/** How soon "renewing soon" is, in days: the exposure report's default window. */
const RENEWING_SOON_DAYS = 180;

const LENSES = {
  all: {},
  exposed: { exposed: 'true' },
  overdue: { overdue: 'true' },
  renewing: { renewingWithinDays: RENEWING_SOON_DAYS },
} as const;
type Lens = keyof typeof LENSES;

/** The ledger of promises: filter by exposure, lateness, renewal or status; record a new one; open one for its history. */
export function LedgerView({ session }: { session: Session }) {
  const [lens, setLens] = useState<Lens>('all');
  const [statuses, setStatuses] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [recording, setRecording] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const ledger = useInfiniteQuery({
    queryKey: ['commitments', 'ledger', { lens, statuses, search }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Ledger>(
        `/api/v1/commitments${query({ limit: 50, cursor: pageParam, q: search, status: statuses.join(','), ...LENSES[lens] })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const first = ledger.data?.pages[0];
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = first?.counts;
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={lens}
          onChange={(v) => setLens(v as Lens)}
          data={[
            { value: 'all', label: `All${counts ? ` (${counts.all})` : ''}` },
            { value: 'exposed', label: `Exposed${counts ? ` (${counts.exposed})` : ''}` },
            { value: 'overdue', label: `Overdue${counts ? ` (${counts.overdue})` : ''}` },
            { value: 'renewing', label: 'Renewing soon' },
          ]}
          data-testid="ledger-lens"
        />
        {can(session, 'commitments:write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
            Record a promise
          </Button>
        )}
      </Group>
      <Group>
        <TextInput
          placeholder="Search what, words or to whom"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={300}
          aria-label="Search promises"
        />
        <MultiSelect
          placeholder={statuses.length ? undefined : "Product's status"}
          data={options(STATUS_LABELS)}
          value={statuses}
          onChange={setStatuses}
          clearable
          w={360}
          aria-label="Status"
        />
        {first && (
          <Text size="sm" c="dimmed">
            {first.total} promise{first.total === 1 ? '' : 's'}
            {lens === 'renewing' ? ` open on accounts renewing within ${RENEWING_SOON_DAYS} days` : ''}
          </Text>
        )}
      </Group>
      {ledger.isError ? (
        <ErrorState error={ledger.error} />
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="commitments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Promise</Table.Th>
                <Table.Th>Words used</Table.Th>
                <Table.Th>Product's status</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Made</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <OpenRow key={c.id} onOpen={() => setOpenId(c.id)}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.accountName ?? '—'}
                    </Text>
                    {c.dealName && (
                      <Text size="xs" c="dimmed">
                        {c.dealName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Text size="sm">{c.what}</Text>
                    <Text size="xs" c="dimmed">
                      to {c.toName}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <StrengthBadge strength={c.strength} phrase={c.matchedPhrase} />
                      <Text size="sm" fs="italic">
                        “{c.words}”
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={STATUS_COLORS[c.status]} variant="light">
                        {STATUS_LABELS[c.status]}
                      </Badge>
                      {c.exposed && (
                        <Badge color="orange" variant="filled" size="xs" title={c.exposure ?? undefined}>
                          exposed
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{c.dueDate ? formatDate(c.dueDate) : '—'}</Text>
                    {c.overdue && (
                      <Text size="xs" c="red">
                        {c.daysOverdue} days overdue
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDate(c.madeOn)}</Text>
                    <Text size="xs" c="dimmed">
                      {c.madeBy.label}
                    </Text>
                  </Table.Td>
                </OpenRow>
              ))}
            </Table.Tbody>
          </Table>
          {!ledger.isPending && rows.length === 0 && (
            <Alert m="md" color="gray" variant="light" title="No promises here">
              {lens === 'all' && statuses.length === 0 && !search
                ? 'Record the promises made in the sale, in the words the customer heard.'
                : 'Nothing matches these filters.'}
            </Alert>
          )}
        </Paper>
      )}
      {ledger.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => ledger.fetchNextPage()}
          loading={ledger.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      <RecordPromiseModal session={session} opened={recording} onClose={() => setRecording(false)} />
      <CommitmentDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
