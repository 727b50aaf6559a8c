import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Account, Commitment, Contact, Deal, Page, Session } from '../api/types.ts';
import { AccountPicker } from './AccountPicker.tsx';
import { LiveWordsReading } from './WordsReading.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const EMPTY = {
  accountId: null as string | null,
  dealId: null as string | null,
  what: '',
  toContactId: null as string | null,
  toName: '',
  words: '',
  dueDate: '',
  roadmapItem: '',
  madeOn: today(),
};

/** Records a promise made to a customer: the account, what, to whom, the exact words, and when it is due. */
export function RecordPromiseModal({
  session,
  opened,
  onClose,
}: {
  session: Session;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const account = useQuery({
    queryKey: ['accounts', form.accountId],
    queryFn: () => get<Account & { contacts: Contact[] }>(`/api/v1/accounts/${form.accountId}`),
    enabled: form.accountId !== null,
  });
  const deals = useQuery({
    queryKey: ['deals', 'of-account', form.accountId],
    queryFn: () => get<Page<Deal>>(`/api/v1/deals${query({ accountId: form.accountId, limit: 50 })}`),
    enabled: form.accountId !== null && can(session, 'deals:read'),
  });
  const create = useMutation({
    mutationFn: () =>
      api<Commitment>('POST', '/api/v1/commitments', {
        accountId: form.accountId ?? '',
        dealId: form.dealId,
        what: form.what,
        toContactId: form.toContactId,
        toName: form.toContactId ? null : form.toName || null,
        words: form.words,
        dueDate: form.dueDate || null,
        roadmapItem: form.roadmapItem || null,
        madeOn: form.madeOn || undefined,
      }),
    onSuccess: (c) => {
      qc.invalidateQueries({ queryKey: ['commitments'] });
      qc.invalidateQueries({ queryKey: ['commitment-exposure'] });
      notifications.show({
        color: c.exposed ? 'orange' : 'teal',
        message: c.exposed ? `Recorded. Exposed until product reviews it: ${c.exposure}` : 'Promise recorded',
      });
      setForm({ ...EMPTY, madeOn: today() });
      onClose();
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const contacts = (account.data?.contacts ?? [])
    .filter((c) => !c.leftAt)
    .map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` · ${c.title}` : ''}` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Record a promise" size="lg">
      <Stack component="form" onSubmit={submit} data-testid="record-promise-form">
        <AccountPicker
          value={form.accountId}
          onChange={(id) => setForm((f) => ({ ...f, accountId: id, toContactId: null, dealId: null }))}
          error={errors.accountId}
        />
        {can(session, 'deals:read') && (
          <Select
            label="Deal it was made in"
            placeholder={form.accountId ? 'Optional' : 'Pick the account first'}
            data={(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={form.dealId}
            onChange={(v) => set('dealId', v)}
            disabled={!form.accountId}
            clearable
            error={errors.dealId}
          />
        )}
        <Textarea
          label="What was promised"
          required
          autosize
          minRows={2}
          value={form.what}
          onChange={(e) => set('what', e.currentTarget.value)}
          error={errors.what}
        />
        <SimpleGrid cols={2}>
          <Select
            label="To whom"
            placeholder={form.accountId ? 'A stakeholder of the account' : 'Pick the account first'}
            data={contacts}
            value={form.toContactId}
            onChange={(v) => set('toContactId', v)}
            disabled={!form.accountId}
            clearable
            error={errors.toContactId}
          />
          <TextInput
            label="… or a name"
            placeholder="e.g. the CIO"
            value={form.toName}
            onChange={(e) => set('toName', e.currentTarget.value)}
            disabled={form.toContactId !== null}
            error={errors.toName}
          />
        </SimpleGrid>
        <div>
          <TextInput
            label="The words used"
            description="As the customer heard them: “coming soon”, “on the roadmap”, “committed by Q3”"
            required
            value={form.words}
            onChange={(e) => set('words', e.currentTarget.value)}
            error={errors.words}
          />
          <LiveWordsReading words={form.words} />
        </div>
        <SimpleGrid cols={2}>
          <TextInput
            label="Due date"
            type="date"
            value={form.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            error={errors.dueDate}
          />
          <TextInput
            label="Made on"
            type="date"
            value={form.madeOn}
            onChange={(e) => set('madeOn', e.currentTarget.value)}
            error={errors.madeOn}
          />
        </SimpleGrid>
        <TextInput
          label="Roadmap item"
          placeholder="Text or a link"
          value={form.roadmapItem}
          onChange={(e) => set('roadmapItem', e.currentTarget.value)}
          error={errors.roadmapItem}
        />
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
            Record
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
