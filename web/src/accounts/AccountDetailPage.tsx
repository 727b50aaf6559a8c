import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { get } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Account, Contact, Session } from '../api/types.ts';
import { AccountHealthCard } from '../health/AccountHealthCard.tsx';
import { AccountRiskCard } from '../health/AccountRiskCard.tsx';
import { type PortfolioAccount, stageLabel, PORTFOLIO_HELP } from '../health/portfolio.ts';
import { StakeholdersCard } from '../relationship/StakeholdersCard.tsx';
import { AskPanel } from '../knowledge/AskPanel.tsx';
import { SignalList } from '../signals/SignalList.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { PHASE_COLORS, PHASES, SEGMENTS } from '../ui/labels.ts';
import { AccountAdoptionSummary } from '../usage/AccountAdoptionSummary.tsx';
import { AccountArrCard } from './AccountArrCard.tsx';
import { AccountTimeline } from './AccountTimeline.tsx';
import { AccountCommitmentsCard, AccountProjectsCard } from './AccountWorkCards.tsx';

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/**
 * One page per account answering "how is this customer, and why": who owns it and what it pays, its open signals
 * with their evidence, health and churn risk with why, ARR over time, stakeholders, promises, projects, adoption,
 * and the timeline of everything that happened to it.
 */
export function AccountDetailPage({ session }: { session: Session }) {
  const { id = '' } = useParams();
  const names = useNames(can(session, 'users:read'));
  const money = can(session, 'health:read');
  const account = useQuery({
    queryKey: ['account', id],
    queryFn: () => get<Account & { contacts: Contact[] }>(`/api/v1/accounts/${id}`),
  });
  const figures = useQuery({
    queryKey: ['health', 'accounts', id],
    queryFn: () => get<PortfolioAccount & { currency: string }>(`/api/v1/health/accounts/${id}`),
    enabled: money,
  });
  const a = account.data;
  const f = figures.data;
  if (account.isPending) return <Loader aria-label="Loading the account" />;
  if (account.isError || !a) return <ErrorState error={account.error} />;
  return (
    <Stack data-testid="account-page">
      <div>
        <Anchor component={Link} to="/accounts" size="sm">
          ← Accounts
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={2}>{a.name}</Title>
          <Badge variant="light" color={PHASE_COLORS[a.lifecyclePhase]}>
            {PHASES[a.lifecyclePhase]}
          </Badge>
          <Badge variant="outline" color={a.segment ? undefined : 'gray'}>
            {a.segment ? SEGMENTS[a.segment] : 'no segment'}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {[a.domain, a.industry].filter(Boolean).join(' · ') || 'How this customer is, and why'}
        </Text>
      </div>
      <Paper withBorder p="sm" data-testid="account-header">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {money && (
            <>
              <Field label="ARR" value={f ? formatMoney(f.arr, f.currency) : '…'} testId="header-arr" />
              <Field
                label="Next renewal"
                value={f?.nextRenewal ? `${formatDate(f.nextRenewal)} (in ${f.daysToRenewal} days)` : '—'}
                testId="header-renewal"
              />
              <Field label="Chain stage" value={f ? stageLabel(f.chainStage) : '…'} testId="header-stage" />
              <Field
                label="ARR at risk"
                value={f?.arrAtRisk === null || !f ? 'not scored' : formatMoney(f.arrAtRisk, f.currency)}
              />
            </>
          )}
          <Field label="Account executive" value={names.user(a.aeUserId)} />
          <Field label="Delivery lead" value={names.user(a.deliveryLeadUserId)} />
          <Field label="Customer success" value={names.user(a.csmUserId)} />
          <Field label="Account manager" value={names.user(a.accountManagerUserId)} />
        </SimpleGrid>
        {money && (
          <Text size="xs" c="dimmed" mt="xs">
            {PORTFOLIO_HELP.chainStage}
          </Text>
        )}
      </Paper>
      <SignalList accountId={a.id} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {money && <AccountHealthCard accountId={a.id} />}
        {money && <AccountRiskCard accountId={a.id} />}
        {can(session, 'revenue:read') && <AccountArrCard accountId={a.id} />}
        {can(session, 'usage:read') && (
          <Paper withBorder p="sm">
            <AccountAdoptionSummary accountId={a.id} />
          </Paper>
        )}
      </SimpleGrid>
      {can(session, 'relationship:read') && <StakeholdersCard accountId={a.id} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {can(session, 'commitments:read') && <AccountCommitmentsCard accountId={a.id} />}
        {can(session, 'projects:read') && <AccountProjectsCard accountId={a.id} />}
      </SimpleGrid>
      {can(session, 'knowledge:read') && <AskPanel accountId={a.id} />}
      <AccountTimeline accountId={a.id} />
    </Stack>
  );
}
