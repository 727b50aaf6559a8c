import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useLogout } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ROLES } from '../ui/labels.ts';

export function UserMenu({ session }: { session: Session }) {
  const logout = useLogout();
  const name = session.user?.name ?? session.apiKey?.name ?? '';
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" data-testid="user-menu">
          <Avatar radius="xl" size={32} color="blue">
            {name.slice(0, 2).toUpperCase()}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {name}
          </Text>
          <Text size="xs">{session.user?.email}</Text>
          <Text size="xs">{ROLES[session.role] ?? session.role} in {session.workspace.name}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
