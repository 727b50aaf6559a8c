import { Alert, Button, Group, List, NumberInput, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { cellKey, rowKey, type TimeEntry, type TimeTarget, todayIso, weekDays } from './time-api.ts';

const DAY_LABEL = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

interface Row {
  key: string;
  projectId: string;
  taskId: string | null;
}

/**
 * One person's week: a row per project (and task), a column per day, hours in the cells. Saving sends only
 * the cells that changed, one request each, and shows every answer the server refused next to its cell.
 */
export function TimesheetGrid({
  resourceId,
  monday,
  entries,
  targets,
}: {
  resourceId: string;
  monday: string;
  entries: TimeEntry[];
  targets: TimeTarget[];
}) {
  const qc = useQueryClient();
  const days = weekDays(monday);
  const today = todayIso();
  const byCell = useMemo(() => {
    const m = new Map<string, TimeEntry[]>();
    for (const e of entries) {
      const k = cellKey(rowKey(e.projectId, e.taskId), e.date);
      m.set(k, [...(m.get(k) ?? []), e]);
    }
    return m;
  }, [entries]);
  const [extra, setExtra] = useState<Row[]>([]);
  const [draft, setDraft] = useState<Record<string, number | ''>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pick, setPick] = useState<{ projectId: string | null; taskId: string | null }>({
    projectId: null,
    taskId: null,
  });
  useEffect(() => {
    setDraft({});
    setErrors({});
    setExtra([]);
  }, [resourceId, monday]);

  const rows: Row[] = [];
  for (const e of entries)
    if (!rows.some((r) => r.key === rowKey(e.projectId, e.taskId)))
      rows.push({ key: rowKey(e.projectId, e.taskId), projectId: e.projectId, taskId: e.taskId });
  for (const r of extra) if (!rows.some((x) => x.key === r.key)) rows.push(r);

  const project = (id: string) => targets.find((t) => t.id === id);
  const label = (r: Row) =>
    `${project(r.projectId)?.name ?? 'Project'}${r.taskId ? ` · ${project(r.projectId)?.tasks.find((t) => t.id === r.taskId)?.name ?? 'task'}` : ''}`;
  const saved = (k: string) => (byCell.get(k) ?? []).reduce((s, e) => s + e.hours, 0);
  const shown = (k: string) => (k in draft ? draft[k] : saved(k) || '');
  const changed = Object.keys(draft).filter((k) => Number(draft[k] || 0) !== saved(k));

  const save = useMutation({
    mutationFn: async () => {
      const problems: Record<string, string> = {};
      for (const k of changed) {
        const [row, day] = k.split('@') as [string, string];
        const [projectId, task] = row.split('|') as [string, string];
        const hours = Number(draft[k] || 0);
        const existing = byCell.get(k) ?? [];
        try {
          if (existing.length === 0)
            await api('POST', '/api/v1/time-entries', {
              projectId,
              taskId: task || null,
              resourceId,
              date: day,
              hours,
            });
          else if (hours === 0) for (const e of existing) await api('DELETE', `/api/v1/time-entries/${e.id}`);
          else await api('PATCH', `/api/v1/time-entries/${existing[0]?.id}`, { hours });
        } catch (error) {
          problems[k] =
            error instanceof ApiError
              ? (error.problem.errors?.map((f) => f.message).join('; ') ?? error.message)
              : String(error);
        }
      }
      return problems;
    },
    onSuccess: async (problems) => {
      setErrors(problems);
      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k in problems)));
      await qc.invalidateQueries({ queryKey: ['delivery', 'time'] });
    },
  });

  const open = targets.filter((t) => t.open);
  const picked = pick.projectId ? project(pick.projectId) : undefined;
  const total = (day: string) => rows.reduce((s, r) => s + Number(shown(cellKey(r.key, day)) || 0), 0);
  return (
    <Paper withBorder p="sm">
      <Table withColumnBorders data-testid="timesheet-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project / task</Table.Th>
            {days.map((d) => (
              <Table.Th key={d} ta="center">
                {DAY_LABEL.format(new Date(`${d}T00:00:00Z`))}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid="timesheet-row">
              <Table.Td>{label(r)}</Table.Td>
              {days.map((d) => {
                const k = cellKey(r.key, d);
                const several = (byCell.get(k) ?? []).length > 1;
                return (
                  <Table.Td key={d} p={2}>
                    <NumberInput
                      size="xs"
                      w={64}
                      min={0}
                      max={24}
                      step={0.5}
                      hideControls
                      value={shown(k)}
                      disabled={several || d > today}
                      title={several ? 'Several entries: change them in the list below' : undefined}
                      error={errors[k] ? true : undefined}
                      onChange={(v) => setDraft((x) => ({ ...x, [k]: v === '' ? '' : Number(v) }))}
                      aria-label={`${label(r)} ${d}`}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Text size="sm" fw={600}>
                Total
              </Text>
            </Table.Td>
            {days.map((d) => (
              <Table.Td key={d} ta="center">
                <Text size="sm" fw={600} c={total(d) > 24 ? 'red' : undefined}>
                  {total(d) || ''}
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group mt="sm" align="flex-end">
        <Select
          label="Project"
          placeholder="Pick a project"
          searchable
          data={open.map((t) => ({ value: t.id, label: t.name }))}
          value={pick.projectId}
          onChange={(v) => setPick({ projectId: v, taskId: null })}
          w={240}
          data-testid="timesheet-project"
        />
        <Select
          label="Task"
          placeholder="No task"
          clearable
          searchable
          data={(picked?.tasks ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={pick.taskId}
          onChange={(v) => setPick((p) => ({ ...p, taskId: v }))}
          w={240}
          disabled={!picked}
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={!pick.projectId}
          onClick={() =>
            pick.projectId &&
            setExtra((x) => [
              ...x,
              {
                key: rowKey(pick.projectId as string, pick.taskId),
                projectId: pick.projectId as string,
                taskId: pick.taskId,
              },
            ])
          }
          data-testid="timesheet-add-row"
        >
          Add row
        </Button>
        <Button
          ml="auto"
          onClick={() => save.mutate()}
          disabled={changed.length === 0}
          loading={save.isPending}
          data-testid="timesheet-save"
        >
          Save {changed.length ? `(${changed.length})` : ''}
        </Button>
      </Group>
      {Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" title="Some hours were not saved" data-testid="timesheet-errors">
          <List size="sm">
            {Object.entries(errors).map(([k, message]) => {
              const [row, day] = k.split('@') as [string, string];
              const r = rows.find((x) => x.key === row);
              return (
                <List.Item key={k}>
                  {r ? label(r) : row}, {day}: {message}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
