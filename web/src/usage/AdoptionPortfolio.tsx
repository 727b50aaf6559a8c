import { Alert, Badge, Button, Drawer, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { AdoptionNumbers, DailyPoint } from '../../../src/modules/usage/adoption.ts';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { CsvImportCard } from '../imports/CsvImportCard.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { OpenRow } from '../ui/OpenRow.tsx';
import { IntegrationTable } from './IntegrationsTab.tsx';

const AdoptionChart = lazy(() => import('./AdoptionChart.tsx'));

type Row = AdoptionNumbers & { accountId: string; accountName: string };
const SORTS = [
  { value: 'adoptionRate', label: 'Adoption rate' },
  { value: 'mau', label: 'Monthly active users' },
  { value: 'featureBreadth', label: 'Feature breadth' },
  { value: 'concentration', label: 'Concentration' },
  { value: 'trend', label: '4-week trend' },
];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const trendText = (t: Row['trend']) => (t.changePct === null ? '—' : `${t.changePct > 0 ? '+' : ''}${Math.round(t.changePct)} %`);

/** Adoption → Portfolio: every account with usage in the last 30 days, sortable by each measure. */
export function AdoptionPortfolio({ session }: { session: Session }) {
  const [sort, setSort] = useState('adoptionRate');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [open, setOpen] = useState<Row | null>(null);
  const rows = useQuery({
    queryKey: ['adoption', sort, order],
    queryFn: () => get<{ day: string; total: number; items: Row[] }>(`/api/v1/usage/adoption${query({ sort, order, limit: 200 })}`),
  });
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Sort by" data={SORTS} value={sort} onChange={(v) => v && setSort(v)} allowDeselect={false} w={240} />
        <Select
          label="Order"
          data={[
            { value: 'asc', label: 'Lowest first' },
            { value: 'desc', label: 'Highest first' },
          ]}
          value={order}
          onChange={(v) => v && setOrder(v as 'asc' | 'desc')}
          allowDeselect={false}
          w={160}
        />
        {rows.data && (
          <Text size="sm" c="dimmed">
            {rows.data.total} accounts with usage in the 30 days to {rows.data.day}
          </Text>
        )}
      </Group>
      {rows.isError && <ErrorState error={rows.error} />}
      {rows.isPending && <Loader />}
      {rows.data && rows.data.items.length === 0 && (
        <Alert color="gray" variant="light" title="No usage yet">
          Send product events from Segment or PostHog (Adoption → Ingest) and map users to accounts with group calls.
        </Alert>
      )}
      {rows.data && rows.data.items.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="adoption-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Adoption rate</Table.Th>
                <Table.Th>DAU / WAU / MAU</Table.Th>
                <Table.Th>Seats</Table.Th>
                <Table.Th>Feature breadth</Table.Th>
                <Table.Th>Top 3 users</Table.Th>
                <Table.Th>4-week trend</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.items.map((r) => (
                <OpenRow key={r.accountId} onOpen={() => setOpen(r)}>
                  <Table.Td>{r.accountName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.adoptionRate === null ? 'gray' : r.adoptionRate < 0.4 ? 'red' : 'teal'}>
                      {pct(r.adoptionRate)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.dau} / {r.wau} / {r.mau}
                  </Table.Td>
                  <Table.Td>{r.seats ?? '—'}</Table.Td>
                  <Table.Td>{r.featuresEntitled === null ? r.featureBreadth : `${r.featureBreadth} / ${r.featuresEntitled}`}</Table.Td>
                  <Table.Td c={r.concentration !== null && r.concentration > 0.6 ? 'orange' : undefined}>{pct(r.concentration)}</Table.Td>
                  <Table.Td c={r.trend.changePct !== null && r.trend.changePct < -20 ? 'red' : undefined}>{trendText(r.trend)}</Table.Td>
                </OpenRow>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {can(session, 'accounts:write') && (
        <CsvImportCard
          title="Import licensed seats"
          url="/api/v1/imports/seats"
          refresh={['adoption']}
          testId="seats-import"
          help="Columns: account (its Baton id, CRM id, domain or exact name) and seats. A blank seat count leaves the account as it is; importing the same file again changes nothing."
        />
      )}
      {can(session, 'imports:run') && (
        <CsvImportCard
          title="Import daily usage"
          url="/api/v1/imports/usage"
          refresh={['adoption']}
          testId="usage-import"
          help="A daily usage table, a row per day, account and feature. Columns: day, account (its Baton id, CRM id, domain or exact name), feature, events (1 without it), user (optional: counts the row in active users), usage_id (optional: a changed row replaces what it counted). Importing the same file again changes nothing. Tables that name subscriptions, or other column names, go through baton import usage."
        />
      )}
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="xl" title={open?.accountName}>
        {open && <AccountAdoption accountId={open.accountId} session={session} />}
      </Drawer>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function AccountAdoption({ accountId, session }: { accountId: string; session: Session }) {
  const qc = useQueryClient();
  const adoption = useQuery({
    queryKey: ['adoption', 'account', accountId],
    queryFn: () => get<AdoptionNumbers & { day: string; daily: DailyPoint[] }>(`/api/v1/usage/accounts/${accountId}/adoption`),
  });
  const [seats, setSeats] = useState<number | string>('');
  const save = useMutation({
    mutationFn: () => api('PUT', `/api/v1/usage/accounts/${accountId}/seats`, { seats: seats === '' ? null : Number(seats) }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['adoption'] });
      notifications.show({ color: 'teal', message: 'Licensed seats saved' });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  if (adoption.isPending) return <Loader />;
  if (adoption.isError) return <ErrorState error={adoption.error} />;
  const a = adoption.data;
  return (
    <Stack data-testid="account-adoption">
      <SimpleGrid cols={4}>
        <Figure label="Adoption rate" value={pct(a.adoptionRate)} />
        <Figure label="Monthly active users" value={String(a.mau)} />
        <Figure label="Licensed seats" value={a.seats === null ? '—' : String(a.seats)} />
        <Figure label="4-week trend" value={trendText(a.trend)} />
        <Figure label="Daily / weekly active" value={`${a.dau} / ${a.wau}`} />
        <Figure label="Feature breadth (30 days)" value={a.featuresEntitled === null ? String(a.featureBreadth) : `${a.featureBreadth} of ${a.featuresEntitled} entitled`} />
        <Figure label="Top 3 users’ share" value={pct(a.concentration)} />
        <Figure label="Events (30 days)" value={String(a.events30d)} />
      </SimpleGrid>
      <Suspense fallback={<Loader />}>
        <AdoptionChart daily={a.daily} />
      </Suspense>
      <Text fw={600} size="sm">
        Integrations
      </Text>
      <IntegrationTable url={`/api/v1/usage/accounts/${accountId}/integrations`} showAccount={false} />
      {can(session, 'accounts:write') && (
        <Group align="flex-end">
          <NumberInput label="Licensed seats" min={0} value={seats === '' && a.seats !== null ? a.seats : seats} onChange={setSeats} w={180} />
          <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
            Save seats
          </Button>
        </Group>
      )}
    </Stack>
  );
}
