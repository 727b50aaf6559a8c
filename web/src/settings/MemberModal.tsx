import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { RoleFields } from './RoleFields.tsx';

/** Changes a member's role and partner firm in this workspace (their login is theirs). */
export function MemberModal({
  member,
  onClose,
  onSaved,
}: {
  member: Member;
  onClose: () => void;
  onSaved: (m: Member) => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ role: member.role, partnerId: member.partnerId });
  const save = useMutation({
    mutationFn: () =>
      api<Member>('PATCH', `/api/v1/users/${member.id}`, {
        role: form.role,
        partnerId: form.role === 'partner' ? form.partnerId : null,
      }),
    onSuccess: (m) => {
      qc.invalidateQueries({ queryKey: ['users'] });
      onSaved(m);
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Role of ${member.name}`}>
      <Stack component="form" onSubmit={submit}>
        <RoleFields
          role={form.role}
          partnerId={form.partnerId}
          errors={errors}
          onChange={(next) => setForm({ ...form, ...next })}
        />
        {save.isError && !Object.keys(errors).length && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-7)' }}>
            {save.error.message}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
