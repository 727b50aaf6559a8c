import { Anchor, Group, Loader, Paper, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountDrawer } from '../accounts/AccountDrawer.tsx';
import { get, query } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatMoney } from '../ui/format.ts';
import { BandBadge } from './BandBadge.tsx';
import type { PortfolioAccount } from './portfolio.ts';
import { BAND_LABELS, type Distribution, SCORE_HELP } from './score.ts';

type Sort = 'health' | 'name' | 'arr';
const BANDS = ['green', 'yellow', 'red', 'none'] as const;
const BAND_FILTER = [{ value: 'all', label: 'Every band' }, ...BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] }))];

function SortHeader(props: {
  label: string;
  value: Sort;
  sort: Sort;
  order: 'asc' | 'desc';
  onSort: (s: Sort) => void;
}) {
  const active = props.sort === props.value;
  const Icon = props.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={active ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort(props.value)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {props.label}
          {active && <Icon size={14} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Health scores: how many accounts each band holds, and the accounts by score (least healthy first). */
export function ScoresTab({ session }: { session: Session }) {
  const [band, setBand] = useState('all');
  const [sort, setSort] = useState<Sort>('health');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [openId, setOpenId] = useState<string | null>(null);
  const dist = useQuery({
    queryKey: ['health', 'scores', 'distribution'],
    queryFn: () => get<Distribution>('/api/v1/health/scores/distribution'),
  });
  const list = useQuery({
    queryKey: ['health', 'scores', 'list', band, sort, order],
    queryFn: () =>
      get<{ currency: string; total: number; items: PortfolioAccount[] }>(
        `/api/v1/health/accounts${query({ sort, order, band: band === 'all' ? undefined : band, limit: 200 })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const onSort = (s: Sort) => {
    if (s === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(s);
      setOrder(s === 'arr' ? 'desc' : 'asc');
    }
  };
  const d = dist.data;
  const scored = d ? d.green + d.yellow + d.red : 0;
  return (
    <Stack data-testid="health-scores">
      {d && (
        <Text data-testid="health-distribution">
          Of {scored + d.none} accounts scored, <strong>{d.green}</strong> are green, <strong>{d.yellow}</strong> yellow
          and <strong>{d.red}</strong> red{d.none > 0 ? `; ${d.none} have no data to score yet` : ''}. {SCORE_HELP}
        </Text>
      )}
      <Group align="flex-end">
        <Select
          label="Band"
          data={BAND_FILTER}
          value={band}
          onChange={(v) => v && setBand(v)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <Loader aria-label="Loading the scores" />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">No account in this band.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Paper withBorder>
          <Table striped verticalSpacing="xs" data-testid="health-scores-table">
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Account" value="name" sort={sort} order={order} onSort={onSort} />
                <SortHeader label="Health" value="health" sort={sort} order={order} onSort={onSort} />
                <SortHeader label="ARR" value="arr" sort={sort} order={order} onSort={onSort} />
                <Table.Th scope="col">Segment</Table.Th>
                <Table.Th scope="col">CSM</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Th scope="row">
                    <Anchor component="button" type="button" onClick={() => setOpenId(a.accountId)} fw={600}>
                      {a.account}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <BandBadge score={a.health} band={a.healthBand} />
                  </Table.Td>
                  <Table.Td>{formatMoney(a.arr, list.data.currency)}</Table.Td>
                  <Table.Td>{a.segment?.replace('_', '-') ?? '—'}</Table.Td>
                  <Table.Td>{a.csm ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} session={session} />
    </Stack>
  );
}
