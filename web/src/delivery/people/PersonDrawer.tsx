import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useMembers, usePartners } from '../../api/queries.ts';
import { formatDate } from '../../ui/format.ts';
import { type Resource, roleLabel, type TimeOff, useRoles, WEEKDAYS } from './people-api.ts';

interface Form {
  name: string;
  email: string;
  userId: string | null;
  role: string | null;
  skills: string[];
  weeklyCapacityHours: number | string;
  workingDays: string[];
  costRate: number | string;
  billRate: number | string;
  partnerId: string | null;
  active: boolean;
}

const EMPTY: Form = {
  name: '',
  email: '',
  userId: null,
  role: 'consultant',
  skills: [],
  weeklyCapacityHours: 40,
  workingDays: ['1', '2', '3', '4', '5'],
  costRate: 0,
  billRate: 0,
  partnerId: null,
  active: true,
};

const formOf = (p: Resource): Form => ({
  name: p.name,
  email: p.email ?? '',
  userId: p.userId,
  role: p.role,
  skills: p.skills,
  weeklyCapacityHours: p.weeklyCapacityHours,
  workingDays: p.workingDays.map(String),
  costRate: p.costRate ?? 0,
  billRate: p.billRate ?? 0,
  partnerId: p.partnerId,
  active: p.active,
});

/** Adds or edits a person: role, capacity, working days, rates (when the viewer may see them), firm; and their time off. */
export function PersonDrawer({
  person,
  opened,
  onClose,
  showRates,
  timeOff,
}: {
  person: Resource | null;
  opened: boolean;
  onClose: () => void;
  showRates: boolean;
  timeOff: TimeOff[];
}) {
  const qc = useQueryClient();
  const roles = useRoles();
  const members = useMembers(opened);
  const partners = usePartners(opened);
  const [form, setForm] = useState<Form>(EMPTY);
  const [off, setOff] = useState({ from: '', to: '', reason: '' });
  useEffect(() => {
    if (opened) setForm(person ? formOf(person) : EMPTY);
  }, [opened, person]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['delivery'] });

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name,
        email: form.email || null,
        userId: form.userId,
        role: form.role ?? '',
        skills: form.skills,
        weeklyCapacityHours: Number(form.weeklyCapacityHours),
        workingDays: form.workingDays.map(Number),
        partnerId: form.partnerId,
        active: form.active,
        ...(showRates ? { costRate: Number(form.costRate), billRate: Number(form.billRate) } : {}),
      };
      return person
        ? api<Resource>('PATCH', `/api/v1/resources/${person.id}`, body)
        : api<Resource>('POST', '/api/v1/resources', body);
    },
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: person ? 'Saved' : 'Person added' });
      onClose();
    },
  });
  const addOff = useMutation({
    mutationFn: () =>
      api<TimeOff>('POST', `/api/v1/resources/${person?.id}/time-off`, {
        from: off.from,
        to: off.to || off.from,
        reason: off.reason || null,
      }),
    onSuccess: () => {
      setOff({ from: '', to: '', reason: '' });
      refresh();
    },
  });
  const removeOff = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/resources/${person?.id}/time-off/${id}`),
    onSuccess: refresh,
  });

  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const offErrors = addOff.error instanceof ApiError ? addOff.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={person ? person.name : 'Add a person'}>
      <Stack component="form" onSubmit={submit} data-testid="person-form">
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            required
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="Email"
            value={form.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <Select
            label="Role"
            required
            data={(roles.data?.roles ?? []).map((r) => ({ value: r, label: roleLabel(r) }))}
            value={form.role}
            onChange={(v) => set('role', v)}
            error={errors.role}
          />
          <NumberInput
            label="Weekly capacity (hours)"
            min={0}
            max={80}
            value={form.weeklyCapacityHours}
            onChange={(v) => set('weeklyCapacityHours', v)}
            error={errors.weeklyCapacityHours}
          />
          <Select
            label="Partner firm"
            placeholder="Own staff"
            clearable
            data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={form.partnerId}
            onChange={(v) => set('partnerId', v)}
            error={errors.partnerId}
          />
          <Select
            label="Baton user"
            placeholder="None"
            clearable
            searchable
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name || m.email }))}
            value={form.userId}
            onChange={(v) => set('userId', v)}
            error={errors.userId}
          />
          {showRates && (
            <NumberInput
              label="Cost rate (per hour)"
              min={0}
              value={form.costRate}
              onChange={(v) => set('costRate', v)}
              error={errors.costRate}
            />
          )}
          {showRates && (
            <NumberInput
              label="Bill rate (per hour)"
              min={0}
              value={form.billRate}
              onChange={(v) => set('billRate', v)}
              error={errors.billRate}
            />
          )}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Working days
          </Text>
          <Chip.Group multiple value={form.workingDays} onChange={(v) => set('workingDays', v)}>
            <Group gap={4}>
              {WEEKDAYS.map((d) => (
                <Chip key={d.value} value={d.value} size="xs">
                  {d.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errors.workingDays && (
            <Text size="xs" c="red">
              {errors.workingDays}
            </Text>
          )}
        </div>
        <TagsInput
          label="Skills"
          value={form.skills}
          onChange={(v) => set('skills', v)}
          placeholder="Type a skill and press Enter"
        />
        <Switch
          label="Active (takes work and logs time)"
          checked={form.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        {save.error && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {person ? 'Save' : 'Add person'}
          </Button>
        </Group>
      </Stack>
      {person && (
        <>
          <Divider my="md" label="Time off" labelPosition="left" />
          <Table fz="sm" data-testid="time-off-table">
            <Table.Tbody>
              {timeOff.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    {formatDate(o.from)} – {formatDate(o.to)}
                  </Table.Td>
                  <Table.Td>{o.reason ?? ''}</Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Remove time off"
                      onClick={() => removeOff.mutate(o.id)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
              {timeOff.length === 0 && (
                <Table.Tr>
                  <Table.Td c="dimmed">No time off recorded.</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Group align="flex-end" mt="sm">
            <TextInput
              type="date"
              label="From"
              value={off.from}
              onChange={(e) => setOff({ ...off, from: e.currentTarget.value })}
              error={offErrors.from}
            />
            <TextInput
              type="date"
              label="To"
              value={off.to}
              onChange={(e) => setOff({ ...off, to: e.currentTarget.value })}
              error={offErrors.to}
            />
            <TextInput
              label="Reason"
              value={off.reason}
              onChange={(e) => setOff({ ...off, reason: e.currentTarget.value })}
              w={140}
            />
            <Button variant="light" onClick={() => addOff.mutate()} disabled={!off.from} loading={addOff.isPending}>
              Add
            </Button>
          </Group>
        </>
      )}
    </Drawer>
  );
}
