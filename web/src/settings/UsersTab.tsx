import { Badge, Button, Group, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useMembers } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Member, Session } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { ROLES } from '../ui/labels.ts';
import { MemberModal } from './MemberModal.tsx';
import { PasswordModal } from './PasswordModal.tsx';

export function UsersTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const members = useMembers();
  const manage = can(session, 'users:manage');
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [password, setPassword] = useState<Member | null>(null);
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api<Member>('PATCH', `/api/v1/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/users/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <Stack>
      {manage && (
        <Group>
          <Button onClick={() => setEditing('new')}>Add a person</Button>
        </Group>
      )}
      {members.isError && <ErrorState error={members.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Partner firm</Table.Th>
              <Table.Th>Login</Table.Th>
              <Table.Th />
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
                <Table.Td>
                  {m.disabledAt ? <Badge color="gray">Disabled</Badge> : m.hasPassword ? <Badge color="teal" variant="light">Can sign in</Badge> : <Badge color="yellow" variant="light">No password</Badge>}
                </Table.Td>
                <Table.Td>
                  {manage && (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button size="xs" variant="subtle" aria-label={`Actions for ${m.email}`}>
                          <IconDots size={16} />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(m)}>Change role</Menu.Item>
                        <Menu.Item onClick={() => setPassword(m)}>Set password</Menu.Item>
                        <Menu.Item onClick={() => change.mutate({ id: m.id, body: { disabled: !m.disabledAt } })}>{m.disabledAt ? 'Enable login' : 'Disable login'}</Menu.Item>
                        <Menu.Divider />
                        <Menu.Item color="red" onClick={() => confirmAction(`Remove ${m.name} from ${session.workspace.name}?`) && remove.mutate(m.id)}>
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
      {editing !== null && (
        <MemberModal
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => notifications.show({ color: 'teal', message: `${m.name} is ${ROLES[m.role]}` })}
        />
      )}
      {password && <PasswordModal member={password} onClose={() => setPassword(null)} />}
    </Stack>
  );
}
