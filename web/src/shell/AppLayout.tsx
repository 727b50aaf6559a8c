import { AppShell, Badge, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { SECTIONS } from '../sections/sections.ts';
import { UserMenu } from './UserMenu.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

export function AppLayout({ session, children }: { session: Session; children: ReactNode }) {
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <img src="/favicon.svg" alt="" width={26} height={26} />
            <Text fw={700} size="lg">
              Baton
            </Text>
            {session.workspace.isDemo && (
              <Badge variant="light" color="yellow">
                Demo data
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <WorkspaceSwitcher session={session} />
            <UserMenu session={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {can(session, 'health:read') && (
          <NavLink
            component={RouterLink}
            to="/"
            end
            label="Today"
            leftSection={<IconHome size={18} stroke={1.6} />}
            active={location.pathname === '/'}
          />
        )}
        {SECTIONS.map((s) => (
          <NavLink
            key={s.path}
            component={RouterLink}
            to={s.path}
            label={s.label}
            leftSection={<s.icon size={18} stroke={1.6} />}
            active={location.pathname.startsWith(s.path)}
            rightSection={
              s.built ? undefined : (
                <Text size="xs" c="dimmed">
                  soon
                </Text>
              )
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main-content" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
