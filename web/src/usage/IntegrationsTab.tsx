import { Alert, Badge, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { IntegrationHealth } from '../../../src/modules/usage/integrations/integration-status.ts';
import { get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { CsvImportCard } from '../imports/CsvImportCard.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';

type IntegrationRow = IntegrationHealth & {
  accountId: string;
  accountName: string;
  integration: string;
  lastStatus: 'ok' | 'error';
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorDetail: string | null;
};

const minute = (at: string | null) => at?.slice(0, 16).replace('T', ' ') ?? '—';
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** A table of integration health rows: status, last success, error rate against its baseline, decay flags. */
export function IntegrationTable({ url, showAccount }: { url: string; showAccount: boolean }) {
  const rows = useQuery({
    queryKey: ['usage-integrations', url],
    queryFn: () => get<{ asOf: string; items: IntegrationRow[] }>(url),
  });
  if (rows.isPending) return <Loader />;
  if (rows.isError) return <ErrorState error={rows.error} />;
  if (rows.data.items.length === 0)
    return (
      <Alert color="gray" variant="light" title="No integration reports">
        Integrations report their syncs to POST /api/v1/integration-status with an ingest key, or import a CSV.
      </Alert>
    );
  return (
    <Paper withBorder>
      <Table data-testid="integration-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {showAccount && <Table.Th>Account</Table.Th>}
            <Table.Th>Integration</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last success</Table.Th>
            <Table.Th>Errors 7 d</Table.Th>
            <Table.Th>Baseline 28 d</Table.Th>
            <Table.Th>Last error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.items.map((r) => (
            <Table.Tr key={`${r.accountId}/${r.integration}`}>
              {showAccount && <Table.Td>{r.accountName}</Table.Td>}
              <Table.Td>{r.integration}</Table.Td>
              <Table.Td>
                {r.errorSpike && (
                  <Badge color="red" mr={4}>
                    error spike
                  </Badge>
                )}
                {r.noRecentSync && (
                  <Badge color="orange" mr={4}>
                    no recent sync
                  </Badge>
                )}
                {!r.errorSpike && !r.noRecentSync && (
                  <Badge color={r.lastStatus === 'ok' ? 'teal' : 'gray'} variant="light">
                    {r.lastStatus}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{minute(r.lastSuccessAt)}</Table.Td>
              <Table.Td>
                {pct(r.errorRate7d)}{' '}
                <Text span size="xs" c="dimmed">
                  ({r.errors7d}/{r.reports7d})
                </Text>
              </Table.Td>
              <Table.Td>{pct(r.baselineErrorRate)}</Table.Td>
              <Table.Td>
                {minute(r.lastErrorAt)}
                {r.lastErrorDetail && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {r.lastErrorDetail}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Adoption → Integrations: the health of every account's integrations, and a CSV import of sync reports. */
export function IntegrationsTab({ session }: { session: Session }) {
  return (
    <Stack>
      <IntegrationTable url="/api/v1/usage/integrations" showAccount />
      {can(session, 'imports:run') && (
        <CsvImportCard
          title="Import sync reports"
          url="/api/v1/imports/integration-status"
          refresh={['usage-integrations']}
          testId="integration-status-import"
          help="Columns: account (its Baton id, CRM id or domain), integration, status (ok or error), detail, occurred_at (an ISO time with its zone), and optionally source and report_id. A report imported again counts once; reports of accounts not known yet are kept aside until the account appears. A rejected row stores nothing; the run is kept in the import history."
        />
      )}
    </Stack>
  );
}
