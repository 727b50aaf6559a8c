import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { DEALS_TABS } from './tabs.ts';

/**
 * Deals & handoffs: one section, one tab per job along stage 1 of the chain (incoming deals, briefs,
 * the commitments ledger, reports, imports). Each tab is a route: /deals/<tab>[/<id>].
 */
export function DealsSection({ session }: { session: Session }) {
  const navigate = useNavigate();
  const params = useParams();
  const [tabPath = '', ...rest] = (params['*'] ?? '').split('/');
  const tabs = DEALS_TABS.filter((t) => can(session, t.permission));
  const current = tabs.find((t) => t.value === tabPath) ?? tabs[0];
  return (
    <Stack>
      <Title order={2}>Deals & handoffs</Title>
      {!current ? (
        <Text c="dimmed">Your role does not see deals or handoffs.</Text>
      ) : (
        <Tabs value={current.value} onChange={(v) => navigate(`/deals/${v}`)} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((t) => (
            <Tabs.Panel key={t.value} value={t.value}>
              <t.Tab session={session} subPath={rest.join('/')} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
