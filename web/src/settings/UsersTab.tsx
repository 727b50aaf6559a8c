import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api/client.ts';
import { useMembers } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Invitation, Member, Session } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { ROLES } from '../ui/labels.ts';
import { InviteModal } from './InviteModal.tsx';
import { MemberModal } from './MemberModal.tsx';

/**
 * The workspace's members and their roles. An admin invites people and manages their membership here (role,
 * partner firm, removal); each person's name and password are their own (My account).
 */
export function UsersTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const members = useMembers();
  const manage = can(session, 'users:manage');
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => get<{ items: Invitation[] }>('/api/v1/invitations').then((r) => r.items),
    enabled: manage,
  });
  const [editing, setEditing] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);
  const remove = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/users/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/invitations/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const pending = invitations.data ?? [];
  return (
    <Stack>
      {manage && (
        <Group>
          <Button onClick={() => setInviting(true)}>Invite a person</Button>
        </Group>
      )}
      {members.isError && <ErrorState error={members.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="users-table">
          <Table.Caption>Members of {session.workspace.name}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Partner firm</Table.Th>
              <Table.Th>Member since</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(members.data ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.email}
                  </Text>
                </Table.Td>
                <Table.Td>{ROLES[m.role]}</Table.Td>
                <Table.Td>{m.partnerName ?? '—'}</Table.Td>
                <Table.Td>{formatDate(m.memberSince)}</Table.Td>
                <Table.Td>
                  {manage && (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button size="xs" variant="subtle" aria-label={`Actions for ${m.email}`}>
                          <IconDots size={16} aria-hidden />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(m)}>Change role</Menu.Item>
                        <Menu.Divider />
                        <Menu.Item
                          color="red"
                          onClick={() =>
                            confirmAction(`Remove ${m.name} from ${session.workspace.name}?`) && remove.mutate(m.id)
                          }
                        >
                          Remove from workspace
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {manage && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Pending invitations
          </Title>
          {invitations.isError && <ErrorState error={invitations.error} />}
          {pending.length === 0 ? (
            <Text size="sm" c="dimmed">
              No invitation is waiting.
            </Text>
          ) : (
            <Paper withBorder>
              <Table verticalSpacing="xs" data-testid="invitations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Invited by</Table.Th>
                    <Table.Th>Link works until</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pending.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.email}</Table.Td>
                      <Table.Td>
                        {ROLES[i.role]}
                        {i.partnerName ? ` (${i.partnerName})` : ''}
                      </Table.Td>
                      <Table.Td>{i.invitedBy}</Table.Td>
                      <Table.Td>{i.expired ? <Badge color="gray">Expired</Badge> : formatDate(i.expiresAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Withdraw the invitation of ${i.email}`}
                          onClick={() => withdraw.mutate(i.id)}
                        >
                          Withdraw
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      )}
      {editing && (
        <MemberModal
          member={editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => notifications.show({ color: 'teal', message: `${m.name} is ${ROLES[m.role]}` })}
        />
      )}
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Stack>
  );
}
