import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { usePartners } from '../api/queries.ts';
import type { Member } from '../api/types.ts';
import { options, ROLES } from '../ui/labels.ts';

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
  const partners = usePartners();
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
        <Select
          label="Role"
          data={options(ROLES)}
          value={form.role}
          onChange={(v) => setForm({ ...form, role: (v ?? 'viewer') as Member['role'] })}
          allowDeselect={false}
          error={errors.role}
        />
        {form.role === 'partner' && (
          <Select
            label="Partner firm"
            required
            data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={form.partnerId}
            onChange={(v) => setForm({ ...form, partnerId: v })}
            error={errors.partnerId}
          />
        )}
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
