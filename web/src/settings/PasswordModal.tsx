import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Member } from '../api/types.ts';

export function PasswordModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const qc = useQueryClient();
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () => api<Member>('PATCH', `/api/v1/users/${member.id}`, { password }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'teal', message: `Password of ${member.name} set` });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Set the password of ${member.name}`}>
      <Stack component="form" onSubmit={submit}>
        <Text size="sm" c="dimmed">
          Their open sessions end; they sign in again with the new password.
        </Text>
        <PasswordInput label="New password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={save.error instanceof ApiError ? save.error.fieldErrors().password ?? save.error.message : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Set password
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
