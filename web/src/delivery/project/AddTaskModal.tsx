import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { phaseLabel, slipReasonOptions } from '../labels.ts';
import type { ProjectDetail } from '../types.ts';
import { useProjectMutation } from './useProjectMutation.ts';

const EMPTY = {
  name: '',
  phase: '',
  ownerRole: 'consultant',
  customerOwned: false,
  effortHours: 8 as number | string,
  durationDays: 1 as number | string,
  dependsOn: [] as string[],
  milestone: null as string | null,
  slipCode: null as string | null,
  slipNote: '',
};

/** A task added after the plan was made is a scope change: the timeline records it, and a slip it causes can carry its reason now. */
export function AddTaskModal({
  project,
  opened,
  onClose,
}: {
  project: ProjectDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const [form, setForm] = useState(EMPTY);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const add = useProjectMutation(
    project.id,
    () => ({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/tasks`,
      body: {
        name: form.name,
        phase: form.phase,
        ownerRole: form.ownerRole || undefined,
        customerOwned: form.customerOwned,
        effortHours: typeof form.effortHours === 'number' ? form.effortHours : 0,
        durationDays: typeof form.durationDays === 'number' ? form.durationDays : 1,
        dependsOn: form.dependsOn,
        milestone: form.milestone,
        slipReason: form.slipCode ? { code: form.slipCode, note: form.slipNote.trim() || null } : undefined,
      },
    }),
    'Task added; recorded as a scope change',
  );
  const errors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const phases = [...new Set(project.tasks.map((t) => t.phase))];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined, {
      onSuccess: () => {
        setForm(EMPTY);
        onClose();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a task (scope change)" size="lg">
      <Stack component="form" onSubmit={submit} data-testid="add-task-form">
        <TextInput
          label="Task"
          required
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <SimpleGrid cols={2}>
          <Autocomplete
            label="Phase"
            required
            data={phases}
            value={form.phase}
            onChange={(v) => set('phase', v)}
            error={errors.phase}
            renderOption={({ option }) => phaseLabel(option.value)}
          />
          <TextInput
            label="Owner role"
            value={form.ownerRole}
            onChange={(e) => set('ownerRole', e.currentTarget.value)}
            error={errors.ownerRole}
          />
        </SimpleGrid>
        <Checkbox
          label="The customer does this task"
          checked={form.customerOwned}
          onChange={(e) => set('customerOwned', e.currentTarget.checked)}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label="Effort (hours)"
            required
            min={0}
            max={10000}
            value={form.effortHours}
            onChange={(v) => set('effortHours', v)}
            error={errors.effortHours}
          />
          <NumberInput
            label="Duration (working days)"
            min={0}
            max={365}
            value={form.durationDays}
            onChange={(v) => set('durationDays', v)}
            error={errors.durationDays}
          />
        </SimpleGrid>
        <MultiSelect
          label="Waits for"
          data={project.tasks.map((t) => ({ value: t.key, label: t.name }))}
          value={form.dependsOn}
          onChange={(v) => set('dependsOn', v)}
          searchable
          error={errors.dependsOn}
        />
        <Select
          label="Milestone"
          data={project.milestones.map((m) => ({ value: m.key, label: m.name }))}
          value={form.milestone}
          onChange={(v) => set('milestone', v)}
          clearable
          error={errors.milestone}
        />
        <SimpleGrid cols={2}>
          <Select
            label="If it makes the go-live slip, why"
            placeholder="Give the reason later"
            data={slipReasonOptions}
            value={form.slipCode}
            onChange={(v) => set('slipCode', v)}
            clearable
            error={errors.code}
          />
          <TextInput
            label="Note on the slip"
            value={form.slipNote}
            onChange={(e) => set('slipNote', e.currentTarget.value)}
            disabled={!form.slipCode}
            error={errors.note}
          />
        </SimpleGrid>
        {add.isError && Object.keys(errors).length === 0 && (
          <Text c="red" size="sm">
            {add.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
