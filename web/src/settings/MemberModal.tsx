import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { usePartners } from '../api/queries.ts';
import type { Member } from '../api/types.ts';
import { options, ROLES } from '../ui/labels.ts';

/** Adds a person (member null) or changes a member's role and partner firm. */
export function MemberModal({ member, onClose, onSaved }: { member: Member | null; onClose: () => void; onSaved: (m: Member) => void }) {
  const qc = useQueryClient();
  const partners = usePartners();
  const [form, setForm] = useState({ email: '', name: '', role: member?.role ?? 'viewer', password: '', partnerId: member?.partnerId ?? null });
  const save = useMutation({
    mutationFn: () =>
      member
        ? api<Member>('PATCH', `/api/v1/users/${member.id}`, { role: form.role, partnerId: form.role === 'partner' ? form.partnerId : null })
        : api<Member>('POST', '/api/v1/users', {
            email: form.email,
            name: form.name || undefined,
            role: form.role,
            password: form.password || undefined,
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
    <Modal opened onClose={onClose} title={member ? `Role of ${member.name}` : 'Add a person'}>
      <Stack component="form" onSubmit={submit}>
        {!member && (
          <>
            <TextInput label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={errors.email} />
            <TextInput label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </>
        )}
        <Select label="Role" data={options(ROLES)} value={form.role} onChange={(v) => setForm({ ...form, role: (v ?? 'viewer') as Member['role'] })} allowDeselect={false} error={errors.role} />
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
        {!member && (
          <PasswordInput
            label="Password"
            description="Optional: without one, the person cannot sign in until an admin sets it"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={errors.password}
          />
        )}
        {save.isError && !Object.keys(errors).length && <div style={{ color: 'var(--mantine-color-red-7)' }}>{save.error.message}</div>}
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
