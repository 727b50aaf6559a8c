import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OpenRow } from '../../ui/OpenRow.tsx';
import { get, query } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Page, Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { formatDate } from '../../ui/format.ts';
import { days, STATUS_COLORS, STATUS_LABELS, statusOptions } from '../labels.ts';
import type { ProjectListItem } from '../types.ts';
import { NewProjectModal } from './NewProjectModal.tsx';

/** Delivery starts from the work in flight: queued and active projects, the late ones first to the eye. */
export function ProjectsList({ session }: { session: Session }) {
  const navigate = useNavigate();
  const [statuses, setStatuses] = useState<string[]>(['queued', 'active']);
  const [late, setLate] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [creating, { open, close }] = useDisclosure(false);
  const projects = useInfiniteQuery({
    queryKey: ['projects', statuses, late, q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page<ProjectListItem>>(
        `/api/v1/projects${query({ limit: 100, cursor: pageParam, status: statuses.join(','), late: late ? 'true' : undefined, q })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = projects.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <MultiSelect
            label="Status"
            data={statusOptions}
            value={statuses}
            onChange={setStatuses}
            placeholder="Any status"
            clearable
            w={300}
            data-testid="project-status-filter"
          />
          <TextInput
            label="Search"
            placeholder="Project or account"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Switch label="Late only" checked={late} onChange={(e) => setLate(e.currentTarget.checked)} mb={8} />
        </Group>
        {can(session, 'projects:manage') && <Button onClick={open}>New project</Button>}
      </Group>
      {projects.isError && <ErrorState error={projects.error} />}
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="projects-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Project</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Playbook</Table.Th>
              <Table.Th w={100}>Status</Table.Th>
              <Table.Th w={160}>Progress</Table.Th>
              <Table.Th>Promised go-live</Table.Th>
              <Table.Th>Forecast go-live</Table.Th>
              <Table.Th>Slips</Table.Th>
              <Table.Th>Queue wait</Table.Th>
              <Table.Th>Time to value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <OpenRow key={p.id} onOpen={() => navigate(`/delivery/projects/${p.id}`)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                </Table.Td>
                <Table.Td>{p.accountName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.playbook.name ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    v{p.playbook.version}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[p.status]} style={{ overflow: 'visible' }}>
                    {STATUS_LABELS[p.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ProgressCell done={p.progress.tasksDone} total={p.progress.tasks} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.promisedGoLive)}</Table.Td>
                <Table.Td>
                  <GoLiveCell item={p} />
                </Table.Td>
                <Table.Td>
                  {p.slipCount > 0 ? (
                    <Badge color="orange" variant="light">
                      {p.slipCount}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      0
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{days(p.metrics.queueWaitDays)}</Table.Td>
                <Table.Td>{days(p.metrics.timeToValueDays)}</Table.Td>
              </OpenRow>
            ))}
          </Table.Tbody>
        </Table>
        {!projects.isPending && rows.length === 0 && (
          <Alert m="md" color="gray" variant="light" title="No projects here">
            A project starts when delivery accepts a handoff brief, or by hand with “New project”.
          </Alert>
        )}
      </Paper>
      {projects.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => projects.fetchNextPage()}
          loading={projects.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      <NewProjectModal opened={creating} onClose={close} onCreated={(id) => navigate(`/delivery/projects/${id}`)} />
    </Stack>
  );
}

function ProgressCell({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={pct}
        w={90}
        color={pct === 100 ? 'teal' : 'blue'}
        aria-label={`${done} of ${total} tasks done`}
      />
      <Text size="xs">
        {done}/{total}
      </Text>
    </Group>
  );
}

/** The actual go-live once there is one, else the forecast; past the promise in red with the days late. */
function GoLiveCell({ item }: { item: ProjectListItem }) {
  const date = item.goLiveOn ?? item.forecastGoLive;
  if (!date) return <Text size="sm">—</Text>;
  return (
    <div>
      <Text
        size="sm"
        c={item.late ? 'red' : undefined}
        fw={item.late ? 600 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {formatDate(date)}
        {item.goLiveOn ? ' (actual)' : ''}
      </Text>
      {item.late && item.metrics.daysLate !== null && (
        <Text size="xs" c="red">
          {item.metrics.daysLate} days late
        </Text>
      )}
    </div>
  );
}
