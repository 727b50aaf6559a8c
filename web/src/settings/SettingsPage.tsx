import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { IntegrationsTab } from './IntegrationsTab.tsx';
import { JobsTab } from './JobsTab.tsx';
import { PartnersTab } from './PartnersTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { WorkspaceTab } from './WorkspaceTab.tsx';

const TABS = [
  { value: 'users', label: 'Users', permission: 'users:read', Tab: UsersTab },
  { value: 'partners', label: 'Partners', permission: 'users:read', Tab: PartnersTab },
  { value: 'api-keys', label: 'API keys', permission: 'apikeys:manage', Tab: ApiKeysTab },
  { value: 'workspace', label: 'Workspace', permission: 'workspace:manage', Tab: WorkspaceTab },
  { value: 'integrations', label: 'Integrations', permission: 'workspace:manage', Tab: IntegrationsTab },
  { value: 'jobs', label: 'Jobs', permission: 'jobs:manage', Tab: JobsTab },
  { value: 'audit', label: 'Audit log', permission: 'audit:read', Tab: AuditTab },
] as const;

export function SettingsPage({ session }: { session: Session }) {
  const navigate = useNavigate();
  const params = useParams();
  const tabs = TABS.filter((t) => can(session, t.permission));
  const current = tabs.find((t) => t.value === params['*']) ?? tabs[0];
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      {!current ? (
        <Text c="dimmed">Your role has no settings to manage.</Text>
      ) : (
        <Tabs value={current.value} onChange={(v) => navigate(`/settings/${v}`)} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((t) => (
            <Tabs.Panel key={t.value} value={t.value}>
              <t.Tab session={session} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
