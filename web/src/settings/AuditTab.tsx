import { Badge, Button, Code, Paper, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import type { AuditEntry, Page } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';

export function AuditTab() {
  const log = useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<Page<AuditEntry>>(`/api/v1/audit-log${query({ limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      {log.isError && <ErrorState error={log.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.actor.label}</Text>
                  <Text size="xs" c="dimmed">
                    {e.actor.type}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{e.action}</Badge>
                </Table.Td>
                <Table.Td maw={520}>
                  <Spoiler maxHeight={0} showLabel="before / after" hideLabel="hide">
                    <Code block style={{ overflow: 'visible', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                    </Code>
                  </Spoiler>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {log.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
