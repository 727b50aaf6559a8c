import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Account } from '../api/types.ts';
import { options, PHASES, REGIONS, SEGMENTS } from '../ui/labels.ts';

export function CreateAccountModal({
  opened,
  onClose,
  initialName = '',
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  initialName?: string;
  onCreated?: (account: Account) => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState({
    name: initialName,
    domain: '',
    segment: 'smb',
    industry: '',
    region: '',
    lifecyclePhase: 'onboarding',
  });
  const create = useMutation({
    mutationFn: () =>
      api<Account>('POST', '/api/v1/accounts', {
        name: form.name,
        domain: form.domain || null,
        segment: form.segment,
        industry: form.industry || null,
        region: form.region || null,
        lifecyclePhase: form.lifecyclePhase,
      }),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: ['accounts'] });
      notifications.show({ color: 'teal', message: `${a.name} created` });
      setForm({ ...form, name: '', domain: '' });
      onCreated?.(a);
      onClose();
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (key: keyof typeof form) => (value: string | null) => setForm({ ...form, [key]: value ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New account">
      <Stack component="form" onSubmit={submit}>
        <TextInput
          label="Name"
          required
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Domain"
          placeholder="customer.com"
          value={form.domain}
          onChange={(e) => set('domain')(e.currentTarget.value)}
          error={errors.domain}
        />
        <Select
          label="Segment"
          data={options(SEGMENTS)}
          value={form.segment}
          onChange={set('segment')}
          allowDeselect={false}
          error={errors.segment}
        />
        <TextInput label="Industry" value={form.industry} onChange={(e) => set('industry')(e.currentTarget.value)} />
        <Select label="Region" data={options(REGIONS)} value={form.region || null} onChange={set('region')} clearable />
        <Select
          label="Lifecycle phase"
          data={options(PHASES)}
          value={form.lifecyclePhase}
          onChange={set('lifecyclePhase')}
          allowDeselect={false}
        />
        {create.isError && !Object.keys(errors).length && (
          <div style={{ color: 'var(--mantine-color-red-7)' }}>{create.error.message}</div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
