import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, get, query } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Page, Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { CsvImportCard } from '../../imports/CsvImportCard.tsx';
import { usePeople } from '../people/people-api.ts';
import { TimesheetGrid } from './TimesheetGrid.tsx';
import { addDays, mondayOf, type TimeEntry, type TimeTarget, todayIso } from './time-api.ts';

/** A person's week of time: the grid to log it, the entries it holds, and the timesheet import. */
export function TimesheetPage({ session }: { session: Session }) {
  const qc = useQueryClient();
  const people = usePeople();
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [monday, setMonday] = useState(mondayOf(todayIso()));
  const sunday = addDays(monday, 6);
  useEffect(() => {
    if (resourceId || !people.data?.length) return;
    const mine =
      people.data.find((p) => p.userId && p.userId === session.user?.id) ?? people.data.find((p) => p.active);
    setResourceId(mine?.id ?? null);
  }, [people.data, resourceId, session.user?.id]);
  const targets = useQuery({
    queryKey: ['delivery', 'time', 'targets'],
    queryFn: () => get<{ items: TimeTarget[] }>('/api/v1/time-entries/targets').then((r) => r.items),
  });
  const entries = useQuery({
    queryKey: ['delivery', 'time', 'entries', resourceId, monday],
    queryFn: () =>
      get<Page<TimeEntry>>(
        `/api/v1/time-entries${query({ resource: resourceId, from: monday, to: sunday, limit: 200 })}`,
      ).then((r) => r.items),
    enabled: resourceId !== null,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/time-entries/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['delivery', 'time'] }),
  });
  const name = (id: string) => targets.data?.find((t) => t.id === id);
  if (people.isError) return <ErrorState error={people.error} />;
  const total = (entries.data ?? []).reduce((s, e) => s + e.hours, 0);
  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2}>Time</Title>
        <Group>
          <Select
            placeholder="Person"
            searchable
            data={(people.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
            value={resourceId}
            onChange={setResourceId}
            w={220}
            aria-label="Person"
            data-testid="timesheet-person"
          />
          <ActionIcon variant="default" onClick={() => setMonday(addDays(monday, -7))} aria-label="Previous week">
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="sm" w={190} ta="center" data-testid="timesheet-week">
            {monday} – {sunday}
          </Text>
          <ActionIcon variant="default" onClick={() => setMonday(addDays(monday, 7))} aria-label="Next week">
            <IconChevronRight size={16} />
          </ActionIcon>
          <Button variant="subtle" size="xs" onClick={() => setMonday(mondayOf(todayIso()))}>
            This week
          </Button>
        </Group>
      </Group>
      {!resourceId && !people.isPending && (
        <Text c="dimmed">No active person to log time for: add people on the People page.</Text>
      )}
      {resourceId && entries.data && targets.data && (
        <TimesheetGrid resourceId={resourceId} monday={monday} entries={entries.data} targets={targets.data} />
      )}
      <Paper withBorder>
        <Table verticalSpacing={4} fz="sm" data-testid="time-entries-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Project · task</Table.Th>
              <Table.Th>Hours</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(entries.data ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.date}</Table.Td>
                <Table.Td>
                  {name(e.projectId)?.name ?? e.projectId}
                  {e.taskId ? ` · ${name(e.projectId)?.tasks.find((t) => t.id === e.taskId)?.name ?? ''}` : ''}
                </Table.Td>
                <Table.Td>
                  {e.hours}{' '}
                  {!e.billable && (
                    <Badge size="xs" color="gray">
                      non-billable
                    </Badge>
                  )}{' '}
                  {e.rework && (
                    <Badge size="xs" color="orange">
                      rework
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{e.note ?? ''}</Table.Td>
                <Table.Td w={40}>
                  {can(session, 'time:write') && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Delete entry"
                      onClick={() => remove.mutate(e.id)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={5} c="dimmed">
                {total} h this week
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      {can(session, 'time:write') && (
        <CsvImportCard
          refresh={['delivery']}
          testId="delivery-import"
          title="Import a timesheet"
          url="/api/v1/imports/time-entries"
          help="Columns: date, person (email or name), project (name or id), hours (required), task (key or name), billable, rework, note, external_id. Rows with an external_id are imported once."
        />
      )}
    </Stack>
  );
}
