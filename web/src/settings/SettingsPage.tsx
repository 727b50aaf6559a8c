import type { Session } from '../api/types.ts';
import { type RoutedTab, RoutedTabs } from '../ui/RoutedTabs.tsx';
import { AlertsTab } from './AlertsTab.tsx';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { IntegrationsTab } from './IntegrationsTab.tsx';
import { JobsTab } from './JobsTab.tsx';
import { PartnersTab } from './PartnersTab.tsx';
import { RegulatoryTab } from './RegulatoryTab.tsx';
import { ScorecardsTab } from './ScorecardsTab.tsx';
import { SignalRulesTab } from './SignalRulesTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { WorkspaceTab } from './WorkspaceTab.tsx';

const TABS: RoutedTab[] = [
  { value: 'users', label: 'Users', permission: 'users:read', Tab: UsersTab },
  { value: 'partners', label: 'Partners', permission: 'users:read', Tab: PartnersTab },
  { value: 'api-keys', label: 'API keys', permission: 'apikeys:manage', Tab: ApiKeysTab },
  { value: 'workspace', label: 'Workspace', permission: 'workspace:manage', Tab: WorkspaceTab },
  { value: 'integrations', label: 'Integrations', permission: 'workspace:manage', Tab: IntegrationsTab },
  { value: 'scorecards', label: 'Scorecards', permission: 'workspace:manage', Tab: ScorecardsTab },
  { value: 'signal-rules', label: 'Signal rules', permission: 'signals:manage', Tab: SignalRulesTab },
  { value: 'regulatory', label: 'Regulatory events', permission: 'relationship:read', Tab: RegulatoryTab },
  { value: 'alerts', label: 'Alerts', permission: 'alerts:read', Tab: AlertsTab },
  { value: 'jobs', label: 'Jobs', permission: 'jobs:manage', Tab: JobsTab },
  { value: 'audit', label: 'Audit log', permission: 'audit:read', Tab: AuditTab },
];

export function SettingsPage({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Settings"
      base="/settings"
      tabs={TABS}
      session={session}
      empty="Your role has no settings to manage."
    />
  );
}
