import { Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { formatDate } from '../../ui/format.ts';
import { REWORK_CAUSE_LABELS, reworkCauseOptions } from '../labels.ts';
import type { ProjectDetail } from '../types.ts';
import { useProjectMutation } from './useProjectMutation.ts';

/** Hours spent redoing work, with their cause: the cost the first attempt did not show. */
export function ReworkCard({ project, session }: { project: ProjectDetail; session: Session }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    taskId: null as string | null,
    hours: '' as number | string,
    cause: null as string | null,
    note: '',
  });
  const record = useProjectMutation(
    project.id,
    () => ({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/rework`,
      body: {
        taskId: form.taskId,
        hours: typeof form.hours === 'number' ? form.hours : 0,
        cause: form.cause ?? '',
        note: form.note.trim() || null,
      },
    }),
    'Rework recorded',
  );
  const errors = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  const taskName = new Map(project.tasks.map((t) => [t.id, t.name]));
  const total = project.rework.reduce((s, r) => s + r.hours, 0);
  return (
    <Paper withBorder p="md" data-testid="rework">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Rework {total > 0 ? `(${total} h)` : ''}</Title>
        {can(session, 'projects:write') && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Record rework
          </Button>
        )}
      </Group>
      {project.rework.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rework recorded.
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {project.rework.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">
                    {r.hours} h · {REWORK_CAUSE_LABELS[r.cause] ?? r.cause}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.taskId ? `${taskName.get(r.taskId) ?? 'a task'} · ` : ''}
                    {r.recordedBy} · {formatDate(r.recordedAt)}
                    {r.note ? ` · ${r.note}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Record rework">
        <Stack>
          <NumberInput
            label="Hours"
            required
            min={0}
            max={1000}
            value={form.hours}
            onChange={(v) => setForm((f) => ({ ...f, hours: v }))}
            error={errors.hours}
          />
          <Select
            label="Cause"
            required
            data={reworkCauseOptions}
            value={form.cause}
            onChange={(v) => setForm((f) => ({ ...f, cause: v }))}
            error={errors.cause}
          />
          <Select
            label="Task"
            placeholder="The project as a whole"
            searchable
            clearable
            data={project.tasks.map((t) => ({ value: t.id, label: t.name }))}
            value={form.taskId}
            onChange={(v) => setForm((f) => ({ ...f, taskId: v }))}
            error={errors.taskId}
          />
          <TextInput
            label="Note"
            value={form.note}
            onChange={(e) => setForm((f) => ({ ...f, note: e.currentTarget.value }))}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              loading={record.isPending}
              disabled={!form.cause || typeof form.hours !== 'number'}
              onClick={() =>
                record.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false);
                    setForm({ taskId: null, hours: '', cause: null, note: '' });
                  },
                })
              }
            >
              Record
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
