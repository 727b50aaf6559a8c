import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useNavigate, useParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';

export interface RoutedTab {
  /** The route segment under the section's path. */
  value: string;
  label: string;
  permission: string;
  /** `subPath` is what follows the tab's segment, e.g. a record id. */
  Tab: ComponentType<{ session: Session; subPath: string }>;
}

/**
 * A section page whose tabs are routes (`<base>/<tab>[/<rest>]`), showing only the tabs the viewer's role
 * may open; the section's own path opens the first of them.
 */
export function RoutedTabs({
  title,
  base,
  tabs,
  session,
  empty,
}: {
  title: string;
  base: string;
  tabs: readonly RoutedTab[];
  session: Session;
  empty: string;
}) {
  const navigate = useNavigate();
  const params = useParams();
  const [tabPath = '', ...rest] = (params['*'] ?? '').split('/');
  const visible = tabs.filter((t) => can(session, t.permission));
  const current = visible.find((t) => t.value === tabPath) ?? visible[0];
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      {!current ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Tabs value={current.value} onChange={(v) => navigate(`${base}/${v}`)} keepMounted={false}>
          <Tabs.List mb="md">
            {visible.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {visible.map((t) => (
            <Tabs.Panel key={t.value} value={t.value}>
              <t.Tab session={session} subPath={t.value === current.value ? rest.join('/') : ''} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
