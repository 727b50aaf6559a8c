import { Badge, Code, Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import { CsvImportCard } from '../imports/CsvImportCard.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatDateTime, formatMoney } from '../ui/format.ts';
import type { MovementsAnswer, RenewalsAnswer, StripeAnswer, WaitingAnswer } from './types.ts';

const BASIS = {
  current_term: 'end of the current term',
  end_date: 'the subscription’s end date',
  anniversary: 'the anniversary of its start, by billing period',
  account: 'the renewal date recorded on the account',
} as const;

/** Movements by month, the last twelve months up to the chosen day. */
export function Movements({ to }: { to: string }) {
  const month = to.slice(0, 7);
  const from = `${Number(month.slice(0, 4)) - 1}-${month.slice(5)}`;
  const q = useQuery({
    queryKey: ['revenue', 'movements', month],
    queryFn: () => get<MovementsAnswer>(`/api/v1/revenue/movements${query({ from, to: month })}`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const money = (n: number) => formatMoney(n, q.data?.currency ?? 'USD');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        ARR movements by month
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Each account’s ARR on the month’s last day against the last day of the month before, its net change counted
        once: new (first paid subscription), expansion, contraction, churn (to no ARR) or reactivation (back after
        churning).
      </Text>
      {q.error && <ErrorState error={q.error} />}
      {q.isLoading && <Loader size="sm" aria-label="Loading movements" />}
      {q.data && (
        <ScrollArea>
          <Table data-testid="movements-table">
            <Table.Thead>
              <Table.Tr>
                {['Month', 'Start ARR', 'New', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'End ARR'].map(
                  (h) => (
                    <Table.Th key={h} scope="col">
                      {h}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{m.month}</Table.Th>
                  <Table.Td>{money(m.startArr)}</Table.Td>
                  <Table.Td>{money(m.new)}</Table.Td>
                  <Table.Td>{money(m.expansion)}</Table.Td>
                  <Table.Td>{money(m.contraction)}</Table.Td>
                  <Table.Td>{money(m.churn)}</Table.Td>
                  <Table.Td>{money(m.reactivation)}</Table.Td>
                  <Table.Td>{money(m.endArr)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}

/** Accounts renewing in the next 120 days. */
export function Renewals() {
  const q = useQuery({
    queryKey: ['revenue', 'renewals'],
    queryFn: () => get<RenewalsAnswer>('/api/v1/revenue/renewals?withinDays=120'),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        Upcoming renewals (next 120 days)
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Each account’s next renewal: the earliest among its running subscriptions (the end of its current term as
        billing says, its end date, or the anniversary of its start by billing period), else the renewal date recorded
        on the account. ARR at stake is the account’s ARR today.
      </Text>
      {q.error && <ErrorState error={q.error} />}
      {q.data && q.data.items.length === 0 && <Text size="sm">No renewal in the next 120 days.</Text>}
      {q.data && q.data.items.length > 0 && (
        <ScrollArea mah={420}>
          <Table data-testid="renewals-table">
            <Table.Thead>
              <Table.Tr>
                {['Account', 'Renews on', 'ARR at stake', 'Auto-renew', 'From'].map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.accountId}>
                  <Table.Th scope="row">
                    {r.account}{' '}
                    {r.paymentFailed && (
                      <Badge color="red" variant="light">
                        Payment failed
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td>{formatMoney(r.arr, q.data.currency)}</Table.Td>
                  <Table.Td>{r.autoRenew === null ? '—' : r.autoRenew ? 'yes' : 'no'}</Table.Td>
                  <Table.Td>{BASIS[r.basis]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}

/** The Stripe webhook's state and the Stripe customers and subscriptions waiting for an account. */
export function StripeAndWaiting() {
  const stripe = useQuery({
    queryKey: ['revenue', 'stripe'],
    queryFn: () => get<StripeAnswer>('/api/v1/revenue/stripe'),
  });
  const waiting = useQuery({
    queryKey: ['revenue', 'waiting'],
    queryFn: () => get<WaitingAnswer>('/api/v1/revenue/waiting'),
  });
  return (
    <Paper withBorder p="md" data-testid="stripe-waiting">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Stripe and subscriptions waiting for an account
        </Title>
        {stripe.data && (
          <Text size="sm">
            Stripe sends its events to <Code>{stripe.data.webhookPath}</Code> on Baton’s address.{' '}
            {stripe.data.secret.set
              ? `Its signing secret (…${stripe.data.secret.last4}) was set on ${formatDate(stripe.data.secret.setAt)}; last event ${formatDateTime(stripe.data.lastEventAt)}.`
              : 'No signing secret is set: an admin sets it with baton integration set stripe --workspace <slug> --secret whsec_…'}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          A Stripe customer finds its account by the Baton account id in its metadata (baton_account_id), a Stripe
          customer id recorded on the account, or its email’s domain; an imported subscription by its account id or
          name. Until then they wait here, and are matched as soon as the account is created or imported.
        </Text>
        {(stripe.error || waiting.error) && <ErrorState error={stripe.error ?? waiting.error} />}
        {waiting.data && waiting.data.customers.length + waiting.data.subscriptions.length === 0 && (
          <Text size="sm">Nothing is waiting.</Text>
        )}
        {waiting.data && waiting.data.customers.length > 0 && (
          <Table data-testid="waiting-customers">
            <Table.Thead>
              <Table.Tr>
                {['Stripe customer', 'Email', 'Name', 'Since'].map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waiting.data.customers.map((c) => (
                <Table.Tr key={c.customerId}>
                  <Table.Th scope="row">{c.customerId}</Table.Th>
                  <Table.Td>{c.email ?? '—'}</Table.Td>
                  <Table.Td>{c.name ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(c.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {waiting.data && waiting.data.subscriptions.length > 0 && (
          <Text size="sm" data-testid="waiting-subscriptions">
            {waiting.data.subscriptions.length} imported subscription
            {waiting.data.subscriptions.length === 1 ? '' : 's'} name an account Baton does not know yet (e.g.{' '}
            {waiting.data.subscriptions[0]?.accountRef ?? waiting.data.subscriptions[0]?.accountName}).
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function SubscriptionImport() {
  return (
    <CsvImportCard
      title="Import subscriptions"
      url="/api/v1/imports/subscriptions"
      help="A CSV with a subscription id, the account’s id or name, a start date and the ARR or MRR (end date, seats, plan, trial, currency, billing period and auto-renew when you have them). Importing the same file again changes nothing."
      refresh={['revenue']}
      testId="subscription-import"
    />
  );
}
