import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, get } from '../../api/client.ts';
import { usePartners } from '../../api/queries.ts';
import { AccountPicker } from '../../commitments/AccountPicker.tsx';
import { commercialModelOptions } from '../labels.ts';
import type { PlaybookSummary, ProjectDetail } from '../types.ts';

const EMPTY = {
  accountId: null as string | null,
  name: '',
  playbookId: null as string | null,
  promisedGoLive: '',
  plannedKickoffOn: '',
  partnerId: null as string | null,
  commercialModel: null as string | null,
  servicesFee: '' as number | string,
};

/** Starts a project by hand (accepted handoffs start theirs by themselves); the server names any bad field. */
export function NewProjectModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const playbooks = useQuery({
    queryKey: ['playbooks', 'active'],
    queryFn: () => get<{ items: PlaybookSummary[] }>('/api/v1/playbooks?archived=false').then((r) => r.items),
    enabled: opened,
  });
  const partners = usePartners(opened);
  const create = useMutation({
    mutationFn: () =>
      api<ProjectDetail>('POST', '/api/v1/projects', {
        accountId: form.accountId ?? '',
        name: form.name.trim() || undefined,
        playbookId: form.playbookId ?? undefined,
        promisedGoLive: form.promisedGoLive || null,
        plannedKickoffOn: form.plannedKickoffOn || null,
        partnerId: form.partnerId,
        commercialModel: form.commercialModel,
        servicesFee: typeof form.servicesFee === 'number' ? form.servicesFee : null,
      }),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: ['projects'] });
      notifications.show({ color: 'teal', message: `Project started from ${p.playbook.name ?? 'its playbook'}` });
      setForm(EMPTY);
      onClose();
      onCreated(p.id);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New project" size="lg">
      <Stack component="form" onSubmit={submit} data-testid="new-project-form">
        <AccountPicker value={form.accountId} onChange={(id) => set('accountId', id)} error={errors.accountId} />
        <TextInput
          label="Name"
          placeholder="Left empty: the account and the playbook"
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label="Playbook"
          placeholder="Left empty: the one the account's segment selects"
          data={(playbooks.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={form.playbookId}
          onChange={(v) => set('playbookId', v)}
          clearable
          searchable
          error={errors.playbookId}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Promised go-live"
            type="date"
            value={form.promisedGoLive}
            onChange={(e) => set('promisedGoLive', e.currentTarget.value)}
            error={errors.promisedGoLive}
          />
          <TextInput
            label="Planned kickoff"
            type="date"
            value={form.plannedKickoffOn}
            onChange={(e) => set('plannedKickoffOn', e.currentTarget.value)}
            error={errors.plannedKickoffOn}
          />
        </SimpleGrid>
        <Select
          label="Partner"
          placeholder="Delivered by our own people"
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={form.partnerId}
          onChange={(v) => set('partnerId', v)}
          clearable
          error={errors.partnerId}
        />
        <SimpleGrid cols={2}>
          <Select
            label="Commercial model"
            data={commercialModelOptions}
            value={form.commercialModel}
            onChange={(v) => set('commercialModel', v)}
            clearable
            error={errors.commercialModel}
          />
          <NumberInput
            label="Services fee"
            min={0}
            thousandSeparator=","
            value={form.servicesFee}
            onChange={(v) => set('servicesFee', v)}
            error={errors.servicesFee}
          />
        </SimpleGrid>
        {create.isError && Object.keys(errors).length === 0 && (
          <Text c="red" size="sm">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!form.accountId}>
            Start project
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
