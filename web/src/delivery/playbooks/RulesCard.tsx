import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { type PlaybookDetail, SEGMENT_OPTIONS } from './playbook-api.ts';

/** Name, description and the rules that select the playbook for a deal; saved apart from versions. */
export function RulesCard({ playbook, readOnly }: { playbook: PlaybookDetail; readOnly: boolean }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({
    name: playbook.name,
    description: playbook.description ?? '',
    products: playbook.products,
    segments: playbook.segments,
    priority: playbook.priority,
  });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<PlaybookDetail>('PATCH', `/api/v1/playbooks/${playbook.id}`, body),
    onSuccess: (p) => {
      qc.setQueryData(['playbooks', p.id], p);
      qc.invalidateQueries({ queryKey: ['playbooks'], exact: true });
      notifications.show({
        color: 'teal',
        message:
          p.archived === playbook.archived
            ? 'Selection rules saved'
            : p.archived
              ? 'Playbook archived'
              : 'Playbook restored',
      });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const segmentData = [
    ...SEGMENT_OPTIONS,
    ...form.segments.filter((s) => !SEGMENT_OPTIONS.some((o) => o.value === s)).map((s) => ({ value: s, label: s })),
  ];
  return (
    <Paper withBorder p="md" data-testid="playbook-rules">
      <Stack gap="sm">
        <Title order={4}>Name and selection rules</Title>
        <Text size="sm" c="dimmed">
          A deal gets the first playbook whose products (any, when empty) and segments (any, when empty) fit it: highest
          priority first, then the most specific.
        </Text>
        <Group align="flex-start" grow>
          <TextInput
            label="Name"
            value={form.name}
            readOnly={readOnly}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
          />
          <NumberInput
            label="Priority"
            value={form.priority}
            readOnly={readOnly}
            onChange={(v) => setForm({ ...form, priority: typeof v === 'number' ? v : Number(v) || 0 })}
            error={errors.priority}
            allowDecimal={false}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={form.description}
          readOnly={readOnly}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <Group align="flex-start" grow>
          <TagsInput
            label="Products"
            placeholder={form.products.length ? undefined : 'any product'}
            value={form.products}
            readOnly={readOnly}
            onChange={(v) => setForm({ ...form, products: v })}
            error={errors.products}
          />
          <MultiSelect
            label="Segments"
            placeholder={form.segments.length ? undefined : 'any segment'}
            data={segmentData}
            value={form.segments}
            readOnly={readOnly}
            onChange={(v) => setForm({ ...form, segments: v })}
            error={errors.segments}
          />
        </Group>
        {!readOnly && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              color={playbook.archived ? 'teal' : 'gray'}
              loading={save.isPending && save.variables?.archived !== undefined}
              onClick={() => save.mutate({ archived: !playbook.archived })}
            >
              {playbook.archived ? 'Restore (unarchive)' : 'Archive'}
            </Button>
            <Button
              variant="light"
              loading={save.isPending && save.variables?.archived === undefined}
              onClick={() =>
                save.mutate({
                  name: form.name,
                  description: form.description || null,
                  products: form.products,
                  segments: form.segments,
                  priority: form.priority,
                })
              }
            >
              Save rules
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
