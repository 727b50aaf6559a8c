import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Invitation, Member } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';
import { ROLES } from '../ui/labels.ts';
import { RoleFields } from './RoleFields.tsx';

/**
 * Invites a person by email with a role. They become a member when they accept; with no mail server the
 * invitation link is shown here, to copy and send them.
 */
export function InviteModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'viewer' as Member['role'],
    partnerId: null as string | null,
  });
  const invite = useMutation({
    mutationFn: () =>
      api<{ invitation: Invitation; link: string | null }>('POST', '/api/v1/users', {
        email: form.email,
        name: form.name || undefined,
        role: form.role,
        partnerId: form.role === 'partner' ? form.partnerId : null,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
  });
  const errors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  const done = invite.data;
  return (
    <Modal opened onClose={onClose} title={done ? 'Invitation made' : 'Invite a person'}>
      {done ? (
        <Stack data-testid="invitation-made">
          <Text size="sm">
            {done.invitation.email} joins as {ROLES[done.invitation.role]} once they accept. They sign in with their
            Baton login, or, new to Baton, choose a password through the link.
          </Text>
          {done.link && (
            <>
              <Text size="sm">Send them this link; it works once, until {formatDate(done.invitation.expiresAt)}:</Text>
              <Code block data-testid="invitation-link">
                {done.link}
              </Code>
              <Group justify="flex-end">
                <CopyButton value={done.link}>
                  {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}
                </CopyButton>
                <Button variant="default" onClick={onClose}>
                  Done
                </Button>
              </Group>
            </>
          )}
        </Stack>
      ) : (
        <Stack component="form" onSubmit={submit}>
          <TextInput
            label="Email"
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={errors.email}
            data-autofocus
          />
          <TextInput
            label="Name"
            description="Suggested to a person new to Baton; they can change it"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <RoleFields
            role={form.role}
            partnerId={form.partnerId}
            errors={errors}
            onChange={(next) => setForm({ ...form, ...next })}
          />
          {invite.isError && !Object.keys(errors).length && (
            <Alert color="red" role="alert">
              {invite.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Invite
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
