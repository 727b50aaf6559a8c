import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { ListTable } from '../ui/ListTable.tsx';
import { UsageSources } from './UsageSources.tsx';
import { formatAgo, formatDateTime } from '../ui/format.ts';

interface Counts {
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  unmatched: number;
  lastEventAt: string | null;
}
type Source = 'segment' | 'posthog';
interface IngestStatus {
  startedAt: string;
  writeThread: boolean;
  sinceStart: Record<Source, Counts>;
  total: Record<Source, Counts & { lastReceivedAt: string | null }>;
}
interface UnmatchedGroup {
  groupId: string | null;
  userId: string | null;
  events: number;
  firstAt: string;
  lastAt: string;
}

interface Rejection {
  source: Source;
  receivedAt: string;
  events: number;
  detail: string | null;
}

const SOURCES: Array<{ key: Source; label: string }> = [
  { key: 'segment', label: 'Segment' },
  { key: 'posthog', label: 'PostHog' },
];
const COLUMNS: Array<{ key: keyof Omit<Counts, 'lastEventAt'>; label: string }> = [
  { key: 'received', label: 'Received' },
  { key: 'stored', label: 'Stored' },
  { key: 'duplicates', label: 'Duplicates dropped' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'unmatched', label: 'Unmatched' },
];

function CountsTable({ title, counts, testId }: { title: string; counts: Record<Source, Counts>; testId: string }) {
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th>Last event</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SOURCES.map((s) => (
              <Table.Tr key={s.key} data-testid={`${testId}-${s.key}`}>
                <Table.Td>{s.label}</Table.Td>
                {COLUMNS.map((c) => (
                  <Table.Td key={c.key} ta="right">
                    {counts[s.key][c.key].toLocaleString()}
                  </Table.Td>
                ))}
                <Table.Td title={formatDateTime(counts[s.key].lastEventAt)}>
                  {counts[s.key].lastEventAt ? formatAgo(counts[s.key].lastEventAt) : 'never'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** The latest refused requests: what a client sent that could not be taken, and why (as the client was told). */
function Rejections() {
  const rejections = useQuery({
    queryKey: ['usage', 'rejections'],
    queryFn: () => get<{ items: Rejection[] }>('/api/v1/usage/rejections?limit=20'),
  });
  if (rejections.isError) return <ErrorState error={rejections.error} />;
  const items = rejections.data?.items ?? [];
  const label = (source: Source) => SOURCES.find((s) => s.key === source)?.label ?? source;
  return (
    <Stack gap="xs">
      <Title order={4}>Refused lately</Title>
      <Text size="xs" c="dimmed">
        Requests refused whole (nothing of them stored): malformed or oversized batches, with the fields in error. The
        client was answered 400 or 413 and does not send them again. Kept for the raw events’ retention window.
      </Text>
      <ListTable
        testId="usage-rejections-table"
        columns={[{ label: 'When' }, { label: 'Source' }, { label: 'Events', right: true }, { label: 'Why' }]}
        rows={items.length}
        pending={rejections.isPending}
        empty="No request refused."
      >
        {items.map((r, i) => (
          <Table.Tr key={`${r.receivedAt}-${i}`}>
            <Table.Td>{formatDateTime(r.receivedAt)}</Table.Td>
            <Table.Td>{label(r.source)}</Table.Td>
            <Table.Td ta="right">{r.events.toLocaleString()}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {r.detail ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

function Unmatched() {
  const unmatched = useQuery({
    queryKey: ['usage', 'unmatched'],
    queryFn: () => get<{ items: UnmatchedGroup[] }>('/api/v1/usage/unmatched?limit=100'),
  });
  const qc = useQueryClient();
  const rematch = useMutation({
    mutationFn: () => api<{ matched: number }>('POST', '/api/v1/usage/rematch'),
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        message: r.matched === 1 ? '1 event found its account' : `${r.matched} events found their account`,
      });
      qc.invalidateQueries({ queryKey: ['usage'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  if (unmatched.isError) return <ErrorState error={unmatched.error} />;
  const items = unmatched.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Kept aside</Title>
        <Button
          size="xs"
          variant="default"
          onClick={() => rematch.mutate()}
          loading={rematch.isPending}
          disabled={items.length === 0}
          data-testid="usage-rematch"
        >
          Match again
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Events whose account is not known yet, by the group they named (or their user when they named none). A group
        call mapping the user matches them at once; after creating or importing accounts (a group id may be the
        account’s id, CRM id or domain), use Match again.
      </Text>
      <ListTable
        testId="usage-unmatched-table"
        columns={[
          { label: 'Group' },
          { label: 'User' },
          { label: 'Events', right: true },
          { label: 'First' },
          { label: 'Last' },
        ]}
        rows={items.length}
        pending={unmatched.isPending}
        empty="Nothing kept aside: every event has its account."
      >
        {items.map((g) => (
          <Table.Tr key={`${g.groupId ?? ''}\u0000${g.userId ?? ''}`}>
            <Table.Td>
              {g.groupId ? (
                <Code>{g.groupId}</Code>
              ) : (
                <Badge variant="light" color="gray">
                  no group
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{g.userId ?? '—'}</Table.Td>
            <Table.Td ta="right">{g.events.toLocaleString()}</Table.Td>
            <Table.Td>{formatDateTime(g.firstAt)}</Table.Td>
            <Table.Td>{formatDateTime(g.lastAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

/** Adoption → ingest status: what Segment and PostHog clients sent, and what is still kept aside. */
export function IngestStatusPage({ session }: { session: Session }) {
  const status = useQuery({
    queryKey: ['usage', 'ingest-status'],
    queryFn: () => get<IngestStatus>('/api/v1/usage/ingest-status'),
    enabled: can(session, 'usage:read'),
    refetchInterval: 15_000,
  });
  if (!can(session, 'usage:read')) return <Text c="dimmed">Your role does not see product usage.</Text>;
  const origin = window.location.origin;
  return (
    <Stack gap="lg" data-testid="ingest-status-page">
      <Group justify="space-between">
        <Title order={4}>Product usage ingest</Title>
        {status.data && (
          <Text size="xs" c="dimmed">
            This server started {formatAgo(status.data.startedAt)}
            {status.data.writeThread ? ' · events stored on a write thread of their own' : ''}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        The usage Baton holds and where it came from, what Segment and PostHog clients sent, and the events kept aside
        until their account is known.
      </Text>
      <UsageSources />
      <Alert variant="light" title="Send usage from your product">
        <Text size="sm">
          Point the Segment or PostHog client’s <Code>host</Code> at <Code>{origin}</Code> and use an API key of scope{' '}
          <Code>ingest</Code> (Settings → API keys) as the write key or project key. Segment:{' '}
          <Code>POST {origin}/v1/batch</Code>; PostHog: <Code>POST {origin}/batch/</Code> (gzip accepted).
        </Text>
      </Alert>
      {status.isError && <ErrorState error={status.error} />}
      {status.data && (
        <>
          <CountsTable title="Since this server started" counts={status.data.sinceStart} testId="ingest-since-start" />
          <CountsTable title="In total" counts={status.data.total} testId="ingest-total" />
          <Text size="xs" c="dimmed">
            In total counts each event when it is stored: raw events deleted past the retention window stay counted.
            Unmatched is what waits for its account now.
          </Text>
        </>
      )}
      <Rejections />
      {can(session, 'workspace:manage') && <Unmatched />}
    </Stack>
  );
}
