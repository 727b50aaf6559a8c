import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { HelpedFigure } from '../usage/figure-help.tsx';
import {
  KEY_ROLES,
  QUIET_DAYS,
  RATING_COLORS,
  SENTIMENT_HELP,
  type Stakeholder,
  type StakeholdersAnswer,
  touchAgo,
} from './types.ts';

function LastTouch({ s }: { s: Stakeholder }) {
  if (s.leftAt)
    return (
      <Badge color="red" variant="light">
        Left {formatDate(s.leftAt)}
      </Badge>
    );
  const quiet = KEY_ROLES.has(s.role) && (s.daysSinceTouch === null || s.daysSinceTouch >= QUIET_DAYS);
  return (
    <Text size="sm" c={quiet ? 'red.8' : undefined} fw={quiet ? 600 : undefined}>
      {touchAgo(s.daysSinceTouch)}
      {quiet && <span className="visually-hidden"> (a key stakeholder untouched for {QUIET_DAYS} days or more)</span>}
    </Text>
  );
}

function Score({ s }: { s: Stakeholder }) {
  if (!s.nps && !s.csat) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      {s.nps && (
        <Badge variant="light" color={RATING_COLORS[s.nps.rating]} title={`Answered ${formatDate(s.nps.respondedAt)}`}>
          NPS {s.nps.score} · {s.nps.rating}
        </Badge>
      )}
      {s.csat && (
        <Badge
          variant="light"
          color={s.csat.score >= 4 ? 'teal' : 'orange'}
          title={`Answered ${formatDate(s.csat.respondedAt)}`}
        >
          CSAT {s.csat.score}/5
        </Badge>
      )}
    </Group>
  );
}

/** An account's people and what they say: role, last touch, latest NPS and CSAT; the account's NPS and CSAT in a sentence. */
export function StakeholdersCard({ accountId }: { accountId: string }) {
  const answer = useQuery({
    queryKey: ['relationship', 'stakeholders', accountId],
    queryFn: () => get<StakeholdersAnswer>(`/api/v1/relationship/accounts/${accountId}/stakeholders`),
  });
  const a = answer.data;
  return (
    <Paper withBorder p="sm" data-testid="stakeholders-sentiment" aria-labelledby="stakeholders-sentiment-title">
      <Stack gap="xs">
        <Title order={4} id="stakeholders-sentiment-title">
          Stakeholders &amp; sentiment
        </Title>
        {answer.isPending && <Loader size="sm" aria-label="Loading stakeholders" />}
        {answer.isError && <ErrorState error={answer.error} />}
        {a && (
          <>
            <SimpleGrid cols={2}>
              <HelpedFigure
                testId="account-nps"
                label="NPS"
                value={a.sentiment.nps.nps === null ? '—' : String(a.sentiment.nps.nps)}
                help={SENTIMENT_HELP.nps}
              />
              <HelpedFigure
                testId="account-csat"
                label="CSAT"
                value={a.sentiment.csat.csat === null ? '—' : `${a.sentiment.csat.csat}%`}
                help={SENTIMENT_HELP.csat}
              />
            </SimpleGrid>
            <Text size="sm" data-testid="sentiment-sentence">
              {formatDate(a.sentiment.from)} – {formatDate(a.sentiment.to)} · {a.sentiment.sentence}
            </Text>
            <Table verticalSpacing={6} data-testid="stakeholders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Last touch</Table.Th>
                  <Table.Th>Latest score</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.stakeholders.map((s) => (
                  <Table.Tr key={s.contactId} c={s.leftAt ? 'dimmed' : undefined} data-testid="stakeholder-row">
                    <Table.Td>
                      <Text size="sm">{s.name}</Text>
                      <Text size="xs" c="dimmed">
                        {[s.title, s.email].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.roleLabel}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <LastTouch s={s} />
                    </Table.Td>
                    <Table.Td>
                      <Score s={s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {a.stakeholders.length === 0 && <Text c="dimmed">No stakeholders recorded yet.</Text>}
          </>
        )}
      </Stack>
    </Paper>
  );
}
