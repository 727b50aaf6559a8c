import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { OpenRow } from '../ui/OpenRow.tsx';
import type { AdoptionNumbers, DailyPoint } from '../../../src/modules/usage/adoption/adoption.ts';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { CsvImportCard } from '../imports/CsvImportCard.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { FIGURE_HELP, HelpedFigure } from './figure-help.tsx';
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
const trendText = (t: Row['trend']) =>
  t.changePct === null ? '—' : `${t.changePct > 0 ? '+' : ''}${Math.round(t.changePct)} %`;

/** Adoption → Portfolio: every account with usage in the last 30 days, sortable by each measure. */
export function AdoptionPortfolio({ session }: { session: Session }) {
  const [sort, setSort] = useState('adoptionRate');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  // The account whose adoption is open lives in the address (?account=…), so other pages can link to it.
  const [params, setParams] = useSearchParams();
  const openId = params.get('account');
  const setOpen = (r: Row | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (r) next.set('account', r.accountId);
      else next.delete('account');
      return next;
    });
  const rows = useQuery({
    queryKey: ['adoption', sort, order],
    queryFn: () =>
      get<{ day: string; total: number; items: Row[] }>(`/api/v1/usage/adoption${query({ sort, order, limit: 200 })}`),
  });
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Sort by"
          data={SORTS}
          value={sort}
          onChange={(v) => v && setSort(v)}
          allowDeselect={false}
          w={240}
        />
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
                <HelpTh label="Adoption rate" help={FIGURE_HELP.adoptionRate} />
                <HelpTh label="DAU / WAU / MAU" help={`${FIGURE_HELP.dauWau} ${FIGURE_HELP.mau}`} />
                <HelpTh label="Seats" help={FIGURE_HELP.seats} />
                <HelpTh label="Feature breadth" help={FIGURE_HELP.featureBreadth} />
                <HelpTh label="Top 3 users" help={FIGURE_HELP.concentration} />
                <HelpTh label="4-week trend" help={FIGURE_HELP.trend} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.items.map((r) => (
                <OpenRow key={r.accountId} onOpen={() => setOpen(r)}>
                  <Table.Td>{r.accountName}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={r.adoptionRate === null ? 'gray' : r.adoptionRate < 0.4 ? 'red' : 'teal'}
                    >
                      {pct(r.adoptionRate)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.dau} / {r.wau} / {r.mau}
                  </Table.Td>
                  <Table.Td>{r.seats ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.featuresEntitled === null ? r.featureBreadth : `${r.featureBreadth} / ${r.featuresEntitled}`}
                  </Table.Td>
                  <Table.Td c={r.concentration !== null && r.concentration > 0.6 ? 'orange' : undefined}>
                    {pct(r.concentration)}
                  </Table.Td>
                  <Table.Td c={r.trend.changePct !== null && r.trend.changePct < -20 ? 'red' : undefined}>
                    {trendText(r.trend)}
                  </Table.Td>
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
      <Drawer
        opened={openId !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="xl"
        title={rows.data?.items.find((r) => r.accountId === openId)?.accountName ?? 'Account adoption'}
      >
        {openId && <AccountAdoption accountId={openId} session={session} />}
      </Drawer>
    </Stack>
  );
}

/** A column heading whose figure is explained on hover or focus (the explanation is also its accessible description). */
function HelpTh({ label, help }: { label: string; help: string }) {
  return (
    <Table.Th>
      <Tooltip label={help} multiline w={260} withArrow>
        <Text
          span
          size="sm"
          fw={700}
          tabIndex={0}
          aria-description={help}
          style={{ textDecoration: 'underline dotted', cursor: 'help' }}
        >
          {label}
        </Text>
      </Tooltip>
    </Table.Th>
  );
}

function AccountAdoption({ accountId, session }: { accountId: string; session: Session }) {
  const qc = useQueryClient();
  const [days, setDays] = useState('30');
  const adoption = useQuery({
    queryKey: ['adoption', 'account', accountId, days],
    queryFn: () =>
      get<AdoptionNumbers & { day: string; daily: DailyPoint[] }>(
        `/api/v1/usage/accounts/${accountId}/adoption${query({ days })}`,
      ),
    placeholderData: (previous) => previous,
  });
  const [seats, setSeats] = useState<number | string>('');
  const save = useMutation({
    mutationFn: () =>
      api('PUT', `/api/v1/usage/accounts/${accountId}/seats`, { seats: seats === '' ? null : Number(seats) }),
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
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <HelpedFigure label="Adoption rate" value={pct(a.adoptionRate)} help={FIGURE_HELP.adoptionRate} />
        <HelpedFigure label="Monthly active users" value={String(a.mau)} help={FIGURE_HELP.mau} />
        <HelpedFigure
          label="Licensed seats"
          value={a.seats === null ? '—' : String(a.seats)}
          help={FIGURE_HELP.seats}
        />
        <HelpedFigure label="4-week trend" value={trendText(a.trend)} help={FIGURE_HELP.trend} />
        <HelpedFigure label="Daily / weekly active" value={`${a.dau} / ${a.wau}`} help={FIGURE_HELP.dauWau} />
        <HelpedFigure
          label="Feature breadth (30 days)"
          value={
            a.featuresEntitled === null
              ? String(a.featureBreadth)
              : `${a.featureBreadth} of ${a.featuresEntitled} entitled`
          }
          help={FIGURE_HELP.featureBreadth}
        />
        <HelpedFigure label="Top 3 users’ share" value={pct(a.concentration)} help={FIGURE_HELP.concentration} />
        <HelpedFigure label="Events (30 days)" value={String(a.events30d)} help={FIGURE_HELP.events30d} />
      </SimpleGrid>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Active users{a.seats === null ? '' : ' against licensed seats'}, per day
        </Text>
        <SegmentedControl
          aria-label="Chart period"
          size="xs"
          value={days}
          onChange={setDays}
          data={[
            { value: '30', label: '30 days' },
            { value: '70', label: '10 weeks' },
          ]}
        />
      </Group>
      <Suspense fallback={<Loader />}>
        <AdoptionChart daily={a.daily} seats={a.seats} />
      </Suspense>
      <Text fw={600} size="sm">
        Integrations
      </Text>
      <IntegrationTable url={`/api/v1/usage/accounts/${accountId}/integrations`} showAccount={false} />
      {can(session, 'accounts:write') && (
        <Group align="flex-end">
          <NumberInput
            label="Licensed seats"
            min={0}
            value={seats === '' && a.seats !== null ? a.seats : seats}
            onChange={setSeats}
            w={180}
          />
          <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
            Save seats
          </Button>
        </Group>
      )}
    </Stack>
  );
}
