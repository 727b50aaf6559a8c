import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { BriefScoringSettings } from './BriefScoringSettings.tsx';
import { DealGuardSettings } from './DealGuardSettings.tsx';

export function WorkspaceTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const [name, setName] = useState(session.workspace.name);
  const rename = useMutation({
    mutationFn: () => api('PATCH', '/api/v1/workspace', { name }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['session'] });
      notifications.show({ color: 'teal', message: 'Workspace renamed' });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate();
  };
  return (
    <Stack maw={640}>
      <Paper withBorder p="md">
        <Group component="form" onSubmit={submit} align="flex-end">
          <TextInput
            label="Workspace name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={320}
          />
          <Button type="submit" loading={rename.isPending}>
            Rename
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Slug <code>{session.workspace.slug}</code> (used by the command line; it does not change).
        </Text>
      </Paper>
      <DealGuardSettings />
      <BriefScoringSettings />
    </Stack>
  );
}
