import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AdoptionNumbers } from '../../../src/modules/usage/adoption/adoption.ts';
import { get } from '../api/client.ts';
import { FIGURE_HELP, HelpedFigure } from './figure-help.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** An account’s adoption in brief (in the account drawer), each figure saying how it is computed, with a link to its full adoption. */
export function AccountAdoptionSummary({ accountId }: { accountId: string }) {
  const adoption = useQuery({
    queryKey: ['adoption', 'account', accountId, '30'],
    queryFn: () => get<AdoptionNumbers & { day: string }>(`/api/v1/usage/accounts/${accountId}/adoption`),
  });
  const a = adoption.data;
  return (
    <Paper withBorder p="sm" data-testid="account-adoption-summary">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Adoption</Title>
        <Anchor component={Link} to={`/adoption/portfolio?account=${encodeURIComponent(accountId)}`} size="sm">
          Open the account’s adoption
        </Anchor>
      </Group>
      {adoption.isError && <Text size="sm">Adoption could not be loaded: {adoption.error.message}</Text>}
      {a && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <HelpedFigure label="Adoption rate" value={pct(a.adoptionRate)} help={FIGURE_HELP.adoptionRate} />
          <HelpedFigure label="Monthly active users" value={String(a.mau)} help={FIGURE_HELP.mau} />
          <HelpedFigure
            label="Licensed seats"
            value={a.seats === null ? '—' : String(a.seats)}
            help={FIGURE_HELP.seats}
          />
          <HelpedFigure
            label="4-week trend"
            value={
              a.trend.changePct === null ? '—' : `${a.trend.changePct > 0 ? '+' : ''}${Math.round(a.trend.changePct)} %`
            }
            help={FIGURE_HELP.trend}
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}
