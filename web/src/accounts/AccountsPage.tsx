import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OpenRow } from '../ui/OpenRow.tsx';
import { get, query } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Account, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { options, PHASE_COLORS, PHASES, REGIONS, SEGMENTS } from '../ui/labels.ts';
import { type PortfolioAccountList, stageLabel } from '../health/portfolio.ts';
import { BandBadge } from '../health/BandBadge.tsx';
import { pct } from '../health/types.ts';
import { formatDate, formatMoney } from '../ui/format.ts';
import { AccountDrawer } from './AccountDrawer.tsx';
import {
  FigureFilterInputs,
  type FigureFilters,
  NO_FIGURE_FILTERS,
  SortHeader,
  type SortState,
} from './AccountFigures.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A row of the list: an account, with the figures later modules give it when the viewer sees them. */
type Row = Pick<
  Account,
  'id' | 'name' | 'domain' | 'partnerId' | 'industry' | 'region' | 'lifecyclePhase' | 'csmUserId' | 'aeUserId'
> & {
  segment: string | null;
  arr?: number;
  probability?: number | null;
  decile?: number | null;
  arrAtRisk?: number | null;
  nextRenewal?: string | null;
  daysToRenewal?: number | null;
  chainStage?: string | null;
  health?: number | null;
  healthBand?: string | null;
};

function FigureCells({ a, money }: { a: Row; money: (n: number | null | undefined) => string }) {
  return (
    <>
      <Table.Td style={NOWRAP}>
        <BandBadge score={a.health ?? null} band={a.healthBand ?? null} />
      </Table.Td>
      <Table.Td style={NOWRAP}>{money(a.arr)}</Table.Td>
      <Table.Td style={NOWRAP}>
        {a.probability === null || a.probability === undefined ? (
          <Text span size="sm" c="dimmed">
            not scored
          </Text>
        ) : (
          `${pct(a.probability)} · decile ${a.decile}`
        )}
      </Table.Td>
      <Table.Td style={NOWRAP}>{money(a.arrAtRisk)}</Table.Td>
      <Table.Td style={NOWRAP}>{a.nextRenewal ? `${formatDate(a.nextRenewal)} (${a.daysToRenewal} d)` : '—'}</Table.Td>
      <Table.Td style={NOWRAP}>{stageLabel(a.chainStage ?? null)}</Table.Td>
    </>
  );
}

export function AccountsPage({ session }: { session: Session }) {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [segment, setSegment] = useState<string | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  // `?account=<id>` opens that account's drawer (My work links a signal to its account this way).
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('account'));
  const [creating, setCreating] = useState(false);
  const names = useNames(can(session, 'users:read'));

  // Those who see churn risk get the list with ARR, risk, next renewal and chain stage (health's enriched list).
  const figures = can(session, 'health:read');
  const [filters, setFilters] = useState<FigureFilters>(NO_FIGURE_FILTERS);
  const [sorting, setSorting] = useState<SortState>({ sort: 'name', order: 'asc' });
  const accounts = useInfiniteQuery({
    queryKey: ['accounts', { search, segment, phase, region }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<Account> & { total: number }>(
        `/api/v1/accounts${query({ limit: 50, cursor: pageParam, q: search, segment, lifecyclePhase: phase, region })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: !figures,
  });
  const enriched = useInfiniteQuery({
    queryKey: ['health', 'accounts', { search, segment, phase, region, filters, sorting }],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      get<PortfolioAccountList>(
        `/api/v1/health/accounts${query({ limit: 50, offset: pageParam, q: search, segment, lifecyclePhase: phase, region, ...filters, ...sorting })}`,
      ),
    getNextPageParam: (last, pages) => {
      const read = pages.reduce((n, p) => n + p.items.length, 0);
      return read < last.total ? read : undefined;
    },
    placeholderData: keepPreviousData,
    enabled: figures,
  });
  const list = figures ? enriched : accounts;
  const rows: Row[] = figures
    ? (enriched.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({ ...a, id: a.accountId, name: a.account }))
    : (accounts.data?.pages.flatMap((p) => p.items) ?? []);
  const total = figures ? enriched.data?.pages[0]?.total : accounts.data?.pages[0]?.total;
  const currency = enriched.data?.pages[0]?.currency ?? 'USD';
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatMoney(n, currency));

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>Accounts</Title>
          <Text c="dimmed" size="sm">
            {total === undefined
              ? 'Customers and their owners along the journey'
              : `${total} customers in ${session.workspace.name}`}
          </Text>
        </div>
        {can(session, 'accounts:write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New account
          </Button>
        )}
      </Group>
      <Group>
        <TextInput
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
          aria-label="Search accounts"
        />
        <Select
          placeholder="Segment"
          data={options(SEGMENTS)}
          value={segment}
          onChange={setSegment}
          clearable
          w={160}
          aria-label="Segment"
        />
        <Select
          placeholder="Lifecycle phase"
          data={options(PHASES)}
          value={phase}
          onChange={setPhase}
          clearable
          w={180}
          aria-label="Lifecycle phase"
        />
        <Select
          placeholder="Region"
          data={options(REGIONS)}
          value={region}
          onChange={setRegion}
          clearable
          w={170}
          aria-label="Region"
        />
        {figures && <FigureFilterInputs value={filters} onChange={setFilters} />}
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} />
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="accounts-table">
            <Table.Thead>
              <Table.Tr>
                {figures ? (
                  <SortHeader label="Account" value="name" state={sorting} onSort={setSorting} />
                ) : (
                  <Table.Th>Account</Table.Th>
                )}
                {figures && (
                  <>
                    <SortHeader label="Health" value="health" state={sorting} onSort={setSorting} />
                    <SortHeader label="ARR" value="arr" state={sorting} onSort={setSorting} />
                    <SortHeader label="Risk" value="probability" state={sorting} onSort={setSorting} />
                    <SortHeader label="ARR at risk" value="arr_at_risk" state={sorting} onSort={setSorting} />
                    <SortHeader label="Next renewal" value="next_renewal" state={sorting} onSort={setSorting} />
                    <SortHeader label="Chain stage" value="chain_stage" state={sorting} onSort={setSorting} />
                  </>
                )}
                <Table.Th>Segment</Table.Th>
                <Table.Th>Industry</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>CSM</Table.Th>
                <Table.Th>Account executive</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <OpenRow key={a.id} onOpen={() => setOpenId(a.id)}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {a.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.domain}
                      {a.partnerId && ` · delivered by ${names.partner(a.partnerId)}`}
                    </Text>
                  </Table.Td>
                  {figures && <FigureCells a={a} money={money} />}
                  <Table.Td style={NOWRAP}>
                    {a.segment ? (
                      (SEGMENTS[a.segment] ?? a.segment)
                    ) : (
                      <Text span size="sm" c="dimmed">
                        no segment
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.industry ?? '—'}</Table.Td>
                  <Table.Td style={NOWRAP}>{a.region ? REGIONS[a.region] : '—'}</Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Badge variant="light" color={PHASE_COLORS[a.lifecyclePhase]}>
                      {PHASES[a.lifecyclePhase] ?? a.lifecyclePhase}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{names.user(a.csmUserId)}</Table.Td>
                  <Table.Td style={NOWRAP}>{names.user(a.aeUserId)}</Table.Td>
                </OpenRow>
              ))}
            </Table.Tbody>
          </Table>
          {list.isPending && (
            <Text p="md" c="dimmed">
              Loading accounts…
            </Text>
          )}
          {!list.isPending && rows.length === 0 && (
            <Text p="md" c="dimmed">
              No accounts match.
            </Text>
          )}
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          w="fit-content"
        >
          Load more
        </Button>
      )}
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} session={session} />
      <CreateAccountModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
