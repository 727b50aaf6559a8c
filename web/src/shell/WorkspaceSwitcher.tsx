import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useSwitchWorkspace } from '../api/session.ts';
import type { Session } from '../api/types.ts';

export function WorkspaceSwitcher({ session }: { session: Session }) {
  const switchTo = useSwitchWorkspace();
  const navigate = useNavigate();
  return (
    <Select
      // A label element (read by screen readers, not shown): an aria-label would hide the workspace's name it shows.
      label="Workspace"
      labelProps={{ className: 'visually-hidden' }}
      data-testid="workspace-switcher"
      size="xs"
      w={220}
      allowDeselect={false}
      value={session.workspace.id}
      data={session.workspaces.map((w) => ({ value: w.id, label: w.name }))}
      disabled={session.workspaces.length < 2 || switchTo.isPending}
      onChange={(id) => {
        if (!id || id === session.workspace.id) return;
        switchTo.mutate(id, {
          onSuccess: (s) => {
            navigate('/accounts');
            notifications.show({ message: `Switched to ${s.workspace.name}` });
          },
          onError: (err) => notifications.show({ color: 'red', message: err.message }),
        });
      }}
    />
  );
}
