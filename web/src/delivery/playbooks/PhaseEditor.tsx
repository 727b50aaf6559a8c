import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  addMilestone,
  addTask,
  milestoneKeys,
  removeMilestone,
  removePhase,
  removeTask,
  taskKeys,
  updateMilestone,
  updatePhase,
  updateTask,
} from './draft.ts';
import { CUSTOMER_ROLE, errorAt, type PlaybookDefinition } from './playbook-api.ts';

interface Props {
  draft: PlaybookDefinition;
  phase: number;
  roles: string[];
  problems: Map<string, string>;
  readOnly: boolean;
  onChange: (next: PlaybookDefinition) => void;
}

const num = (v: string | number, fallback = 0) => (typeof v === 'number' ? v : Number.parseFloat(v) || fallback);

/** One phase: its milestones and its tasks in editable tables, each field showing the server's problem with it. */
export function PhaseEditor({ draft, phase, roles, problems, readOnly, onChange }: Props) {
  const p = draft.phases[phase];
  if (!p) return null;
  const at = (path: string, under = false) => errorAt(problems, `definition.phases[${phase}]${path}`, under);
  const allTasks = taskKeys(draft);
  const allMilestones = milestoneKeys(draft).map((k) => ({ value: k, label: k }));
  return (
    <Paper withBorder p="md" data-testid={`phase-${p.key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput
              label="Phase"
              value={p.name}
              readOnly={readOnly}
              onChange={(e) => onChange(updatePhase(draft, phase, { name: e.currentTarget.value }))}
              error={at('.name')}
              w={260}
            />
            <TextInput
              label="Key"
              value={p.key}
              readOnly={readOnly}
              onChange={(e) => onChange(updatePhase(draft, phase, { key: e.currentTarget.value }))}
              error={at('.key')}
              w={180}
            />
          </Group>
          {!readOnly && draft.phases.length > 1 && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={14} />}
              onClick={() => onChange(removePhase(draft, phase))}
            >
              Remove phase
            </Button>
          )}
        </Group>

        <Title order={5}>Milestones</Title>
        {p.milestones.length === 0 && (
          <Text size="sm" c="dimmed">
            No milestones in this phase.
          </Text>
        )}
        {p.milestones.length > 0 && (
          <Table verticalSpacing={4} data-testid={`milestones-${p.key}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Onboarding</Table.Th>
                <Table.Th>Target day</Table.Th>
                <Table.Th>Completed by usage event</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.milestones.map((m, i) => {
                const path = `.milestones[${i}]`;
                const set = (patch: Parameters<typeof updateMilestone>[3]) =>
                  onChange(updateMilestone(draft, phase, i, patch));
                return (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label="Milestone key"
                        value={m.key}
                        readOnly={readOnly}
                        onChange={(e) => set({ key: e.currentTarget.value })}
                        error={at(`${path}.key`) ?? at(path)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label="Milestone name"
                        value={m.name}
                        readOnly={readOnly}
                        onChange={(e) => set({ name: e.currentTarget.value })}
                        error={at(`${path}.name`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label="Onboarding milestone"
                        checked={m.onboarding}
                        disabled={readOnly}
                        onChange={(e) => set({ onboarding: e.currentTarget.checked })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={90}
                        aria-label="Target day"
                        min={0}
                        value={m.targetDay ?? ''}
                        readOnly={readOnly}
                        onChange={(v) => set({ targetDay: v === '' ? null : num(v) })}
                        error={at(`${path}.targetDay`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label="Completion event"
                        placeholder="e.g. Report Published"
                        value={m.completionEvent ?? ''}
                        readOnly={readOnly}
                        onChange={(e) => set({ completionEvent: e.currentTarget.value || null })}
                        error={at(`${path}.completionEvent`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label="Remove milestone"
                          onClick={() => onChange(removeMilestone(draft, phase, i))}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {!readOnly && (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange(addMilestone(draft, phase))}
            >
              Add milestone
            </Button>
          </Group>
        )}

        <Title order={5}>Tasks</Title>
        <Table verticalSpacing={4} data-testid={`tasks-${p.key}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Owner role</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Effort h</Table.Th>
              <Table.Th>Days</Table.Th>
              <Table.Th>Depends on</Table.Th>
              <Table.Th>Milestone</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.tasks.map((t, i) => {
              const path = `.tasks[${i}]`;
              const set = (patch: Parameters<typeof updateTask>[3]) => onChange(updateTask(draft, phase, i, patch));
              return (
                <Table.Tr key={i} data-testid={`task-${t.key}`}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      w={140}
                      aria-label="Task key"
                      value={t.key}
                      readOnly={readOnly}
                      onChange={(e) => set({ key: e.currentTarget.value })}
                      error={at(`${path}.key`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      miw={200}
                      aria-label="Task name"
                      value={t.name}
                      readOnly={readOnly}
                      onChange={(e) => set({ name: e.currentTarget.value })}
                      error={at(`${path}.name`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={170}
                      aria-label="Owner role"
                      data={roles.includes(t.ownerRole) ? roles : [...roles, t.ownerRole]}
                      value={t.ownerRole}
                      readOnly={readOnly}
                      allowDeselect={false}
                      // The customer role and customer-owned say the same thing: keep them together.
                      onChange={(v) => v && set({ ownerRole: v, customerOwned: v === CUSTOMER_ROLE })}
                      error={at(`${path}.ownerRole`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label="Customer-owned"
                      checked={t.customerOwned}
                      disabled={readOnly}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        set({
                          customerOwned: on,
                          ownerRole: on
                            ? CUSTOMER_ROLE
                            : t.ownerRole === CUSTOMER_ROLE
                              ? (roles[0] ?? 'consultant')
                              : t.ownerRole,
                        });
                      }}
                      error={at(`${path}.customerOwned`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      w={110}
                      aria-label="Task type"
                      value={t.type}
                      readOnly={readOnly}
                      onChange={(e) => set({ type: e.currentTarget.value })}
                      error={at(`${path}.type`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={80}
                      aria-label="Effort hours"
                      min={0}
                      decimalScale={1}
                      value={t.effortHours}
                      readOnly={readOnly}
                      onChange={(v) => set({ effortHours: num(v) })}
                      error={at(`${path}.effortHours`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={70}
                      aria-label="Duration days"
                      min={0}
                      allowDecimal={false}
                      value={t.durationDays}
                      readOnly={readOnly}
                      onChange={(v) => set({ durationDays: Math.round(num(v)) })}
                      error={at(`${path}.durationDays`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <MultiSelect
                      size="xs"
                      miw={180}
                      aria-label="Depends on"
                      data={[...new Set([...allTasks.filter((k) => k !== t.key), ...t.dependsOn])]}
                      value={t.dependsOn}
                      readOnly={readOnly}
                      searchable
                      onChange={(v) => set({ dependsOn: v })}
                      error={at(`${path}.dependsOn`, true)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={160}
                      aria-label="Milestone"
                      data={
                        allMilestones.some((m) => m.value === t.milestone) || t.milestone === null
                          ? allMilestones
                          : [...allMilestones, { value: t.milestone, label: t.milestone }]
                      }
                      value={t.milestone}
                      readOnly={readOnly}
                      clearable
                      placeholder="none"
                      onChange={(v) => set({ milestone: v })}
                      error={at(`${path}.milestone`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && p.tasks.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label="Remove task"
                        onClick={() => onChange(removeTask(draft, phase, i))}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {!readOnly && (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange(addTask(draft, phase))}
            >
              Add task
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
