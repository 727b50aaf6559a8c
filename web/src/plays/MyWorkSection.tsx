import { Stack, Tabs } from '@mantine/core';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { MyAlertsPage } from './MyAlertsPage.tsx';
import { MyWorkPage } from './MyWorkPage.tsx';
import { PlayPage } from './PlayPage.tsx';
import { PlayRunPage } from './PlayRunPage.tsx';
import { PlaysPage } from './PlaysPage.tsx';

/** My work and, beside it, the plays that put tasks in it (what a head of CS tunes) and my own alerts. */
export function MyWorkSection({ session }: { session: Session }) {
  const navigate = useNavigate();
  const rest = useParams()['*'] ?? '';
  const tab = rest.startsWith('plays') ? 'plays' : rest.startsWith('alerts') ? 'alerts' : 'queue';
  const plays = can(session, 'relationship:read');
  // A member's own alerts (partner firms and API keys have none: signals cover the whole workspace).
  const alerts = plays && session.user !== null;
  return (
    <Stack>
      {plays && (
        <Tabs value={tab} onChange={(v) => navigate(v === 'queue' ? '/my-work' : `/my-work/${v}`)}>
          <Tabs.List>
            <Tabs.Tab value="queue">My queue</Tabs.Tab>
            <Tabs.Tab value="plays">Plays</Tabs.Tab>
            {alerts && <Tabs.Tab value="alerts">My alerts</Tabs.Tab>}
          </Tabs.List>
        </Tabs>
      )}
      <Routes>
        <Route index element={<MyWorkPage session={session} />} />
        {plays && <Route path="plays" element={<PlaysPage session={session} />} />}
        {alerts && <Route path="alerts" element={<MyAlertsPage session={session} />} />}
        {plays && <Route path="plays/runs/:runId" element={<PlayRunPage session={session} />} />}
        {plays && <Route path="plays/:playId" element={<PlayPage session={session} />} />}
        <Route path="*" element={<MyWorkPage session={session} />} />
      </Routes>
    </Stack>
  );
}
