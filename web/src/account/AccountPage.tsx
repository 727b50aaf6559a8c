import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Session } from '../api/types.ts';

/** My account: my own name and password, which only I change. */
export function AccountPage({ session }: { session: Session }) {
  if (!session.user) {
    return (
      <Stack>
        <Title order={2}>My account</Title>
        <Text>An API key has no account of its own.</Text>
      </Stack>
    );
  }
  return (
    <Stack maw={520}>
      <Title order={2}>My account</Title>
      <Text size="sm" c="dimmed">
        Signed in as {session.user.email}. Your name and password are the same in every workspace you belong to.
      </Text>
      <NameForm name={session.user.name} />
      <PasswordForm />
    </Stack>
  );
}

function NameForm({ name: initial }: { name: string }) {
  const qc = useQueryClient();
  const [name, setName] = useState(initial);
  const save = useMutation({
    mutationFn: () => api<{ name: string }>('PATCH', '/api/v1/me', { name }),
    onSuccess: (me) => {
      qc.invalidateQueries({ queryKey: ['session'] });
      qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'teal', message: `Your name is now ${me.name}` });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="my-name-title">
      <Stack>
        <Title order={3} size="h4" id="my-name-title">
          Name
        </Title>
        <TextInput
          label="Your name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name ?? (save.isError ? save.error.message : undefined)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PasswordForm() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<void>('PUT', '/api/v1/me/password', { currentPassword: form.currentPassword, newPassword: form.newPassword }),
    onSuccess: () => {
      setForm({ currentPassword: '', newPassword: '', repeat: '' });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differ = form.newPassword !== form.repeat;
    setMismatch(differ);
    if (!differ) save.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="my-password-title">
      <Stack>
        <Title order={3} size="h4" id="my-password-title">
          Password
        </Title>
        {save.isSuccess && (
          <Alert color="teal" role="status" data-testid="password-changed">
            Your password is changed. Your other sessions have ended; this one stays signed in.
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={form.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
          error={errors.currentPassword}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
          error={errors.newPassword}
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          required
          value={form.repeat}
          onChange={(e) => setForm({ ...form, repeat: e.currentTarget.value })}
          error={mismatch ? 'the two new passwords differ' : undefined}
        />
        {save.isError && !Object.keys(errors).length && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
