import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, query } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { STATUS_COLORS as PROMISE_COLORS, STATUS_LABELS as PROMISE_LABELS } from '../commitments/labels.ts';
import { STATUS_COLORS as PROJECT_COLORS, STATUS_LABELS as PROJECT_LABELS } from '../delivery/labels.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';

interface Promise {
  id: string;
  what: string;
  toName: string;
  words: string;
  status: string;
  dueDate: string | null;
  exposed: boolean;
  exposure: string | null;
  overdue: boolean;
}

interface Project {
  id: string;
  name: string;
  status: string;
  promisedGoLive: string | null;
  forecastGoLive: string | null;
  goLiveOn: string | null;
  late: boolean;
}

/** The promises made to the account: what, in which words, product's status, and why one is exposed. */
export function AccountCommitmentsCard({ accountId }: { accountId: string }) {
  const list = useQuery({
    queryKey: ['commitments', { account: accountId }],
    queryFn: () => get<Page<Promise>>(`/api/v1/commitments${query({ account: accountId, limit: 50 })}`),
  });
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="sm" data-testid="account-commitments">
      <Title order={3} size="h4">
        Promises
      </Title>
      {list.isError && <ErrorState error={list.error} />}
      {list.data && items.length === 0 && <Text c="dimmed">No promise recorded.</Text>}
      {items.length > 0 && (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Promise</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text size="sm">{c.what}</Text>
                  <Text size="xs" c="dimmed">
                    to {c.toName}: “{c.words}”{c.exposure ? ` — ${c.exposure}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.exposed ? 'red' : (PROMISE_COLORS[c.status] ?? 'gray')}>
                    {PROMISE_LABELS[c.status] ?? c.status}
                    {c.exposed ? ' · exposed' : ''}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDate(c.dueDate)}
                  {c.overdue ? ' (overdue)' : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** The account's implementation projects: status and go-live promised, forecast or reached. */
export function AccountProjectsCard({ accountId }: { accountId: string }) {
  const list = useQuery({
    queryKey: ['projects', { accountId }],
    queryFn: () => get<Page<Project>>(`/api/v1/projects${query({ accountId, limit: 50 })}`),
  });
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="sm" data-testid="account-projects">
      <Title order={3} size="h4">
        Projects
      </Title>
      {list.isError && <ErrorState error={list.error} />}
      {list.data && items.length === 0 && <Text c="dimmed">No project yet.</Text>}
      {items.length > 0 && (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Project</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Go-live</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/delivery/projects/${p.id}`} size="sm">
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={PROJECT_COLORS[p.status] ?? 'gray'}>
                    {PROJECT_LABELS[p.status] ?? p.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.goLiveOn
                      ? `Live since ${formatDate(p.goLiveOn)}`
                      : `Forecast ${formatDate(p.forecastGoLive)}, promised ${formatDate(p.promisedGoLive)}`}
                    {p.late ? ' — late' : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
