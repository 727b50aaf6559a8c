import { Badge, Button, Code, Group, Paper, Select, Spoiler, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client.ts';
import type { AuditEntry, Page } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';

interface Facets {
  actions: string[];
  entityTypes: string[];
  actors: Array<{ id: string; type: string; name: string }>;
}

/** A record type as people say it: handoff_brief → Handoff brief. */
const typeLabel = (t: string) => (t.charAt(0).toUpperCase() + t.slice(1)).replace(/_/g, ' ');

/** Settings → Audit log: every write, filtered by action, person, record type and days, naming the record and the person. */
export function AuditTab() {
  const [action, setAction] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: () => get<Facets>('/api/v1/audit-log/facets') });
  const filters = {
    action: action ?? undefined,
    actorId: actorId ?? undefined,
    entityType: entityType ?? undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<AuditEntry>>(`/api/v1/audit-log${query({ limit: 50, cursor: pageParam, ...filters })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const f = facets.data;
  return (
    <Stack>
      <Group align="flex-end" data-testid="audit-filters">
        <Select
          label="Action"
          placeholder="Any action"
          data={f?.actions ?? []}
          value={action}
          onChange={setAction}
          clearable
          searchable
          w={220}
        />
        <Select
          label="Person"
          placeholder="Anyone"
          data={(f?.actors ?? []).map((a) => ({
            value: a.id,
            label: a.type === 'user' ? a.name : `${a.name} (API key)`,
          }))}
          value={actorId}
          onChange={setActorId}
          clearable
          searchable
          w={220}
        />
        <Select
          label="Record type"
          placeholder="Any record"
          data={(f?.entityTypes ?? []).map((t) => ({ value: t, label: typeLabel(t) }))}
          value={entityType}
          onChange={setEntityType}
          clearable
          w={200}
        />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={160} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={160} />
      </Group>
      {log.isError && <ErrorState error={log.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.actor.name ?? e.actor.label}</Text>
                  {e.actor.type !== 'user' && (
                    <Text size="xs" c="dimmed">
                      {e.actor.type === 'api_key' ? 'API key' : e.actor.type}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{e.action}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.entityName ?? (e.entityId ? <Code>{e.entityId}</Code> : '—')}</Text>
                  <Text size="xs" c="dimmed">
                    {typeLabel(e.entityType)}
                  </Text>
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
        {!log.isPending && entries.length === 0 && (
          <Text m="md" size="sm">
            No entry matches these filters.
          </Text>
        )}
      </Paper>
      {log.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
