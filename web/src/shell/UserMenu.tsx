import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ROLES } from '../ui/labels.ts';

export function UserMenu({ session }: { session: Session }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const name = session.user?.name ?? session.apiKey?.name ?? '';
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        {/* Named by its (unseen) words, not an aria-label: the initials shown would then not be part of its name. */}
        <UnstyledButton data-testid="user-menu">
          <Avatar radius="xl" size={32} color="blue" aria-hidden>
            {name.slice(0, 2).toUpperCase()}
          </Avatar>
          <span className="visually-hidden">Account menu</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {name}
          </Text>
          <Text size="xs">{session.user?.email}</Text>
          <Text size="xs">
            {ROLES[session.role] ?? session.role} in {session.workspace.name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {session.user && (
          <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => navigate('/account')}>
            My account
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
