import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../api/client.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { type AccountRisk, pct, RISK_HELP } from './types.ts';

/** An account's churn risk on its page: probability, decile and drivers in sentences; nothing when it is not scored. */
export function AccountRiskCard({ accountId }: { accountId: string }) {
  const risk = useQuery({
    queryKey: ['health', 'risk', 'account', accountId],
    queryFn: async () => {
      try {
        return await get<AccountRisk & { currency: string }>(`/api/v1/health/risk/accounts/${accountId}`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
  const r = risk.data;
  if (!r) return null;
  return (
    <Paper withBorder p="sm" data-testid="account-risk">
      <Group justify="space-between">
        <Title order={4}>Churn risk</Title>
        <Group gap="xs">
          <Badge color={r.decile <= 2 ? 'red' : r.decile <= 5 ? 'yellow' : 'teal'} variant="light">
            {pct(r.probability)} · decile {r.decile}
          </Badge>
          <Text size="sm">{formatMoney(r.arrAtRisk, r.currency)} ARR at risk</Text>
        </Group>
      </Group>
      <ul style={{ margin: '0.4em 0', paddingLeft: '1.1em' }}>
        {r.drivers.map((d) => (
          <li key={d.attribute}>
            <Text size="sm">{d.sentence}</Text>
          </li>
        ))}
      </ul>
      <Text size="xs" c="dimmed">
        {RISK_HELP.probability} Decile: {RISK_HELP.decile} Scored {formatDateTime(r.scoredAt)}.
      </Text>
    </Paper>
  );
}
