import { Anchor, Badge, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { ImportRunView, Page } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';
import { kindLabel } from './import-api.ts';

const STATUS_COLORS: Record<string, string> = {
  running: 'violet',
  succeeded: 'teal',
  failed: 'red',
  interrupted: 'orange',
};
const INTERRUPTED =
  'The process running this import stopped before it finished. The rows it committed are kept; running the same file again completes it without counting any row twice.';

/** Past imports of the workspace, newest first, with their counts and rejected rows to download. */
export function ImportRuns() {
  const runs = useQuery({
    queryKey: ['import-runs'],
    queryFn: () => get<Page<ImportRunView>>('/api/v1/imports?limit=30').then((p) => p.items),
  });
  if (runs.isError) return <ErrorState error={runs.error} />;
  return (
    <Paper withBorder>
      <Table verticalSpacing="xs" data-testid="import-runs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Read</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th>Unchanged</Table.Th>
            <Table.Th>Rejected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(runs.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(r.startedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {r.actor}
                </Text>
              </Table.Td>
              <Table.Td>
                {kindLabel(r.kind)}
                <Text size="xs" c="dimmed">
                  {r.format}
                </Text>
              </Table.Td>
              <Table.Td>{r.fileName ?? '—'}</Table.Td>
              <Table.Td>
                <Tooltip label={INTERRUPTED} multiline w={300} disabled={r.status !== 'interrupted'}>
                  <Badge color={STATUS_COLORS[r.status]} variant="light">
                    {r.status}
                  </Badge>
                </Tooltip>
                {r.dryRun && (
                  <Badge color="gray" variant="outline" ml={4}>
                    dry run
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{r.read.toLocaleString()}</Table.Td>
              <Table.Td>{r.created.toLocaleString()}</Table.Td>
              <Table.Td>{r.updated.toLocaleString()}</Table.Td>
              <Table.Td>{r.unchanged.toLocaleString()}</Table.Td>
              <Table.Td>
                {r.rejected > 0 ? (
                  <Anchor href={`/api/v1/imports/${r.id}/errors`} download size="sm">
                    {r.rejected.toLocaleString()} (CSV)
                  </Anchor>
                ) : (
                  0
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {runs.data?.length === 0 && (
        <Text p="md" c="dimmed">
          No imports yet.
        </Text>
      )}
    </Paper>
  );
}
