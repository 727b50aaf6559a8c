import {
  Badge,
  Button,
  Group,
  Input,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { api, get } from '../../api/client.ts';
import type { AssignmentPreview } from '../../../../src/modules/delivery/projects/assignment.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { formatDate } from '../../ui/format.ts';
import { phaseLabel, TASK_STATE_COLORS, TASK_STATE_LABELS, taskStateOptions } from '../labels.ts';
import type { ProjectDetail, ProjectTask, Resource } from '../types.ts';
import { AddTaskModal } from './AddTaskModal.tsx';
import { useProjectMutation } from './useProjectMutation.ts';

const ROW_LIMIT = 120;

type Patch = { state?: string; blockedReason?: string | null; assigneeId?: string | null; remainingHours?: number };

/** The plan as a worklist: state, assignee and remaining hours change in place, and the forecast follows. */
export function TaskTable({ project, session }: { project: ProjectDetail; session: Session }) {
  const editable = can(session, 'projects:write') && (project.status === 'queued' || project.status === 'active');
  const [phase, setPhase] = useState<string | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [blocking, setBlocking] = useState<ProjectTask | null>(null);
  const [adding, setAdding] = useState(false);
  const resources = useQuery({
    queryKey: ['resources', 'active'],
    queryFn: () => get<{ items: Resource[] }>('/api/v1/resources?active=true').then((r) => r.items),
    enabled: editable,
  });
  const update = useProjectMutation(
    project.id,
    ({ taskId, patch }: { taskId: string; patch: Patch }) => ({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}/tasks/${taskId}`,
      body: patch,
    }),
    'Task updated; forecast recomputed',
  );
  const names = useMemo(() => new Map(project.tasks.map((t) => [t.key, t.name])), [project.tasks]);
  const phases = useMemo(() => [...new Set(project.tasks.map((t) => t.phase))], [project.tasks]);
  const people = useMemo(
    () => (resources.data ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.role}` })),
    [resources.data],
  );
  const [showAll, setShowAll] = useState(false);
  const matching = project.tasks.filter((t) => (!phase || t.phase === phase) && (!openOnly || t.state !== 'done'));
  // A long plan draws its first rows at once and the rest on request; the filters narrow it first.
  const rows = showAll ? matching : matching.slice(0, ROW_LIMIT);
  const { mutate } = update;
  const [confirming, setConfirming] = useState<{ task: ProjectTask; patch: Patch; preview: AssignmentPreview } | null>(
    null,
  );
  const onPatch = useCallback(
    (t: ProjectTask, patch: Patch) => {
      if (patch.state === 'blocked') return setBlocking(t);
      // An assignee is asked about first: when it moves the go-live later, the page says so and asks to confirm.
      if (patch.assigneeId !== undefined && patch.assigneeId !== null) {
        api<AssignmentPreview>('POST', `/api/v1/projects/${project.id}/tasks/${t.id}/assignment-preview`, {
          assigneeId: patch.assigneeId,
        })
          .then((preview) =>
            preview.warning ? setConfirming({ task: t, patch, preview }) : mutate({ taskId: t.id, patch }),
          )
          .catch((err: Error) => notifications.show({ color: 'red', message: err.message }));
        return;
      }
      mutate({ taskId: t.id, patch });
    },
    [mutate, project.id],
  );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>Tasks</Title>
        <Group>
          <Select
            placeholder="Every phase"
            data={phases.map((p) => ({ value: p, label: phaseLabel(p) }))}
            value={phase}
            onChange={setPhase}
            clearable
            size="xs"
            w={180}
            aria-label="Phase"
          />
          <Switch
            label="Open only"
            checked={openOnly}
            onChange={(e) => setOpenOnly(e.currentTarget.checked)}
            size="xs"
          />
          {editable && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Add task
            </Button>
          )}
        </Group>
      </Group>
      {/* Scrolls when the plan is long: focusable, so a keyboard scrolls it too. */}
      <div style={{ maxHeight: 640, overflowY: 'auto' }} tabIndex={0} role="region" aria-label="Tasks of the project">
        <Table verticalSpacing={4} stickyHeader data-testid="tasks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th w={140}>State</Table.Th>
              <Table.Th w={200}>Assignee</Table.Th>
              <Table.Th w={110}>Remaining h</Table.Th>
              <Table.Th w={260}>Waits for</Table.Th>
              <Table.Th w={170}>Forecast</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <TaskRow key={t.id} task={t} editable={editable} people={people} names={names} onPatch={onPatch} />
            ))}
          </Table.Tbody>
        </Table>
        {rows.length < matching.length && (
          <Button variant="subtle" size="xs" m="xs" onClick={() => setShowAll(true)}>
            Show all {matching.length} tasks
          </Button>
        )}
      </div>
      <BlockModal
        task={blocking}
        onClose={() => setBlocking(null)}
        busy={update.isPending}
        onConfirm={(reason) =>
          blocking &&
          update.mutate(
            { taskId: blocking.id, patch: { state: 'blocked', blockedReason: reason } },
            { onSuccess: () => setBlocking(null) },
          )
        }
      />
      {editable && <AddTaskModal project={project} opened={adding} onClose={() => setAdding(false)} />}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="This assignment moves the go-live">
        {confirming && (
          <Stack data-testid="assignment-warning">
            <Text size="sm">{confirming.preview.warning}</Text>
            {confirming.preview.slipReason && (
              <Text size="xs" c="dimmed">
                A slip it causes is recorded as “{confirming.preview.slipReason.note}”.
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Keep as it is
              </Button>
              <Button
                color="orange"
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { taskId: confirming.task.id, patch: confirming.patch },
                    { onSuccess: () => setConfirming(null) },
                  )
                }
              >
                Assign anyway
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

const TaskRow = memo(function TaskRow({
  task: t,
  editable,
  people,
  names,
  onPatch,
}: {
  task: ProjectTask;
  editable: boolean;
  people: Array<{ value: string; label: string }>;
  names: ReadonlyMap<string, string>;
  onPatch: (t: ProjectTask, patch: Patch) => void;
}) {
  return (
    <Table.Tr data-testid="task-row" data-task={t.key} bg={t.state === 'blocked' ? 'red.0' : undefined}>
      <Table.Td>
        <Text size="sm" fw={500} td={t.state === 'done' ? 'line-through' : undefined}>
          {t.name}
        </Text>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {phaseLabel(t.phase)} · {t.ownerRole}
          </Text>
          {t.critical && t.state !== 'done' && (
            <Badge size="xs" color="orange" variant="light">
              critical
            </Badge>
          )}
          {t.customerOwned && (
            <Badge size="xs" color="violet" variant="light">
              customer
            </Badge>
          )}
        </Group>
        {t.state === 'blocked' && t.blockedReason && (
          <Text size="xs" c="red">
            Blocked{t.blockedSince ? ` since ${formatDate(t.blockedSince)}` : ''}: {t.blockedReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Choice
            options={taskStateOptions}
            value={t.state}
            onChange={(v) => onPatch(t, { state: v })}
            label={`State of ${t.name}`}
          />
        ) : (
          <Badge variant="light" color={TASK_STATE_COLORS[t.state]}>
            {TASK_STATE_LABELS[t.state]}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {t.customerOwned ? (
          <Text size="xs" c="dimmed">
            The customer
          </Text>
        ) : editable ? (
          <Choice
            options={[
              { value: '', label: 'Unassigned' },
              ...people,
              ...(t.assigneeId && !people.some((p) => p.value === t.assigneeId)
                ? [{ value: t.assigneeId, label: t.assigneeName ?? t.assigneeId }]
                : []),
            ]}
            value={t.assigneeId ?? ''}
            onChange={(v) => onPatch(t, { assigneeId: v || null })}
            label={`Assignee of ${t.name}`}
          />
        ) : (
          <Text size="sm">{t.assigneeName ?? '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable && t.state !== 'done' ? (
          <HoursInput key={t.remainingHours} task={t} onCommit={(h) => onPatch(t, { remainingHours: h })} />
        ) : (
          <Text size="sm">{t.remainingHours}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" lineClamp={2} title={t.dependsOn.map((k) => names.get(k) ?? k).join(', ')}>
          {t.dependsOn.length ? t.dependsOn.map((k) => names.get(k) ?? k).join(', ') : '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">
          {t.doneOn
            ? `done ${formatDate(t.doneOn)}`
            : `${formatDate(t.forecastStart)} → ${formatDate(t.forecastFinish)}`}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * A plain select in Mantine's input style: a plan has hundreds of rows, and the light native control keeps the
 * table quick to draw and to filter.
 */
function Choice({
  options,
  value,
  onChange,
  label,
}: {
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  return (
    <Input
      component="select"
      size="xs"
      value={value}
      onChange={(e) => onChange((e.currentTarget as unknown as HTMLSelectElement).value)}
      aria-label={label}
      rightSection={<span aria-hidden>▾</span>}
      rightSectionPointerEvents="none"
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Input>
  );
}

/** Remaining hours are sent when the field is left or Enter is pressed, not at every keystroke. */
function HoursInput({ task, onCommit }: { task: ProjectTask; onCommit: (hours: number) => void }) {
  const [value, setValue] = useState(String(task.remainingHours));
  const commit = () => {
    const hours = Number(value);
    if (value.trim() !== '' && Number.isFinite(hours) && hours >= 0 && hours !== task.remainingHours) onCommit(hours);
  };
  return (
    <Input
      size="xs"
      type="number"
      min={0}
      max={10000}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      aria-label={`Remaining hours of ${task.name}`}
    />
  );
}

function BlockModal({
  task,
  onClose,
  onConfirm,
  busy,
}: {
  task: ProjectTask | null;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={task !== null} onClose={onClose} title={`Blocked: ${task?.name ?? ''}`}>
      <Stack>
        <Textarea
          label="What blocks it"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={!reason.trim()}
            onClick={() => {
              onConfirm(reason.trim());
              setReason('');
            }}
          >
            Mark blocked
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
