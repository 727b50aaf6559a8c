import { Anchor, Group, Loader, Paper, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountDrawer } from '../accounts/AccountDrawer.tsx';
import { get, query } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { PORTFOLIO_HELP, type RenewalList, stageLabel } from './portfolio.ts';
import { pct } from './types.ts';

type Sort = 'arr_at_risk' | 'date' | 'arr' | 'probability';
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const WINDOWS = ['30', '60', '90', '120', '180', '365'].map((d) => ({ value: d, label: `Within ${d} days` }));

/** A column header that sorts the list by its column, saying which way it does to assistive technology. */
function SortHeader({
  label,
  value,
  sort,
  onSort,
}: {
  label: string;
  value: Sort;
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  const active = sort === value;
  const Icon = value === 'date' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={active ? (value === 'date' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(value)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          {active && <Icon size={14} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Renewals coming up, by ARR at risk (or date, ARR, probability), with the total. */
export function RenewalsTab({ session }: { session: Session }) {
  const [within, setWithin] = useState('120');
  const [sort, setSort] = useState<Sort>('arr_at_risk');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['health', 'renewals', within, sort],
    queryFn: () => get<RenewalList>(`/api/v1/health/renewals${query({ within, sort, limit: 500 })}`),
    placeholderData: keepPreviousData,
  });
  const d = list.data;
  const money = (n: number | null) => (n === null ? 'not scored' : formatMoney(n, d?.currency ?? 'USD'));
  return (
    <Stack data-testid="renewals">
      <Group align="flex-end">
        <Select
          label="Renewing"
          data={WINDOWS}
          value={within}
          onChange={(v) => v && setWithin(v)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <Loader aria-label="Loading the renewals" />}
      {d && (
        <Text data-testid="renewals-total">
          <strong>{d.total}</strong> accounts renew within {d.within} days: {money(d.totalArr)} ARR, of which{' '}
          <strong>{money(d.totalArrAtRisk)}</strong> is at risk. {PORTFOLIO_HELP.arrAtRisk}
        </Text>
      )}
      {d && d.items.length === 0 && (
        <Text c="dimmed" data-testid="renewals-empty">
          No account renews within {d.within} days.
        </Text>
      )}
      {d && d.items.length > 0 && (
        <Paper withBorder>
          <Table striped verticalSpacing="xs" data-testid="renewals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Account</Table.Th>
                <SortHeader label="Renewal" value="date" sort={sort} onSort={setSort} />
                <SortHeader label="ARR" value="arr" sort={sort} onSort={setSort} />
                <SortHeader label="Probability" value="probability" sort={sort} onSort={setSort} />
                <SortHeader label="ARR at risk" value="arr_at_risk" sort={sort} onSort={setSort} />
                <Table.Th scope="col">Chain stage</Table.Th>
                <Table.Th scope="col">CSM</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((r) => (
                <Table.Tr key={r.accountId}>
                  <Table.Th scope="row">
                    <Anchor component="button" type="button" onClick={() => setOpenId(r.accountId)} fw={600}>
                      {r.account}
                    </Anchor>
                  </Table.Th>
                  <Table.Td style={NOWRAP}>
                    {formatDate(r.date)}
                    <Text size="xs" c="dimmed">
                      in {r.daysLeft} {r.daysLeft === 1 ? 'day' : 'days'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{money(r.arr)}</Table.Td>
                  <Table.Td>{r.probability === null ? '—' : pct(r.probability)}</Table.Td>
                  <Table.Td style={NOWRAP} fw={600}>
                    {money(r.arrAtRisk)}
                  </Table.Td>
                  <Table.Td>{stageLabel(r.chainStage)}</Table.Td>
                  <Table.Td style={NOWRAP}>{r.csm ?? '—'}</Table.Td>
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
