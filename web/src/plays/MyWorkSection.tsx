import { Stack, Tabs } from '@mantine/core';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { MyWorkPage } from './MyWorkPage.tsx';
import { PlayPage } from './PlayPage.tsx';
import { PlayRunPage } from './PlayRunPage.tsx';
import { PlaysPage } from './PlaysPage.tsx';

/** My work and, beside it, the plays that put tasks in it (what a head of CS tunes). */
export function MyWorkSection({ session }: { session: Session }) {
  const navigate = useNavigate();
  const rest = useParams()['*'] ?? '';
  const tab = rest.startsWith('plays') ? 'plays' : 'queue';
  const plays = can(session, 'relationship:read');
  return (
    <Stack>
      {plays && (
        <Tabs value={tab} onChange={(v) => navigate(v === 'plays' ? '/my-work/plays' : '/my-work')}>
          <Tabs.List>
            <Tabs.Tab value="queue">My queue</Tabs.Tab>
            <Tabs.Tab value="plays">Plays</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <Routes>
        <Route index element={<MyWorkPage session={session} />} />
        {plays && <Route path="plays" element={<PlaysPage session={session} />} />}
        {plays && <Route path="plays/runs/:runId" element={<PlayRunPage session={session} />} />}
        {plays && <Route path="plays/:playId" element={<PlayPage session={session} />} />}
        <Route path="*" element={<MyWorkPage session={session} />} />
      </Routes>
    </Stack>
  );
}
