import {
  Alert,
  Badge,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { get, query } from '../api/client.ts';
import type { Session, TermsFigures, TermsReport } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

type Report = TermsReport & { from?: string; to?: string; discountThreshold: number };

const pct = (share: number) => `${Math.round(share * 100)} %`;

const TermsChart = lazy(() => import('./TermsChart.tsx'));

/** Names of the clause tags Baton knows; other tags show as written. */
const CLAUSE_LABELS: Record<string, string> = {
  custom_sla: 'Custom SLA',
  mfn: 'Most favoured nation (MFN)',
  termination_for_convenience: 'Termination for convenience',
  custom_payment_terms: 'Custom payment terms',
  uncapped_liability: 'Uncapped liability',
  source_code_escrow: 'Source code escrow',
  custom_integration: 'Custom integration',
};

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string | number;
  hint: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

const row = (name: string, f: TermsFigures) => (
  <Table.Tr key={name}>
    <Table.Td>{name}</Table.Td>
    <Table.Td ta="right">{f.deals}</Table.Td>
    <Table.Td ta="right">{f.withTerms}</Table.Td>
    <Table.Td ta="right">{f.structures}</Table.Td>
    <Table.Td ta="right">
      {f.nonStandard}{' '}
      <Text span size="xs" c="dimmed">
        ({pct(f.nonStandardShare)})
      </Text>
    </Table.Td>
    <Table.Td ta="right">
      {f.withUnscopedCommitments}{' '}
      <Text span size="xs" c="dimmed">
        ({pct(f.unscopedShare)})
      </Text>
    </Table.Td>
  </Table.Tr>
);

/**
 * Contract terms across won deals: how many pricing structures exist, how many deals are non-standard, and how
 * many were signed with unscoped promises, by quarter (a chart) and by account executive (a table).
 */
export function ContractTermsTab(_props: { session: Session; subPath: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [threshold, setThreshold] = useState<number>(20);
  const [range] = useDebouncedValue({ from, to, threshold }, 300);
  const report = useQuery({
    queryKey: ['contract-terms-report', range],
    queryFn: () =>
      get<Report>(
        `/api/v1/reports/contract-terms${query({ from: range.from, to: range.to, discountThreshold: range.threshold })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  return (
    <Stack data-testid="contract-terms">
      <Text c="dimmed" size="sm">
        Won deals, by the quarter they were signed (else closed). A pricing structure is pricing model + billing terms +
        discount band; a deal is non-standard when it carries a negotiated clause or a discount above the threshold; a
        promise is unscoped while product has not reviewed it, or while it is open with no due date.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Signed from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput label="to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
        <NumberInput
          label="Non-standard above (discount %)"
          value={threshold}
          onChange={(v) => setThreshold(typeof v === 'number' ? v : 20)}
          min={0}
          max={100}
          w={230}
        />
      </Group>
      {report.isError && <ErrorState error={report.error} />}
      {r && r.totals.deals === 0 && (
        <Alert color="gray" variant="light" title="No won deals in this period">
          Import deals with their terms (pricing_model, billing_terms, discount, non_standard_terms, services_amount) or
          record terms on a deal by hand.
        </Alert>
      )}
      {r && r.totals.deals > 0 && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure
              label="Won deals"
              value={r.totals.deals}
              hint={`${r.totals.withTerms} with terms recorded`}
              testId="terms-deals"
            />
            <Figure
              label="Pricing structures"
              value={r.totals.structures}
              hint="distinct model · billing · discount band"
              testId="terms-structures"
            />
            <Figure
              label="Non-standard"
              value={pct(r.totals.nonStandardShare)}
              hint={`${r.totals.nonStandard} of ${r.totals.withTerms} deals with terms`}
              testId="terms-non-standard"
            />
            <Figure
              label="Unscoped promises"
              value={r.totals.withUnscopedCommitments}
              hint={`deals signed with one (${pct(r.totals.unscopedShare)})`}
              testId="terms-unscoped"
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              By quarter
            </Title>
            <Suspense fallback={<Loader size="sm" />}>
              <TermsChart byQuarter={r.byQuarter} />
            </Suspense>
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              By account executive
            </Title>
            <Table verticalSpacing={6} data-testid="terms-by-owner">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account executive</Table.Th>
                  <Table.Th ta="right">Won deals</Table.Th>
                  <Table.Th ta="right">With terms</Table.Th>
                  <Table.Th ta="right">Structures</Table.Th>
                  <Table.Th ta="right">Non-standard</Table.Th>
                  <Table.Th ta="right">With unscoped promises</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byOwner.map((o) => row(o.owner, o))}
                {row('All', r.totals)}
              </Table.Tbody>
            </Table>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                Pricing structures
              </Title>
              <Stack gap={4}>
                {r.structures.slice(0, 15).map((s) => (
                  <Group key={s.structure} justify="space-between" wrap="nowrap">
                    <Text size="sm">{s.structure}</Text>
                    <Badge variant="light">{s.deals}</Badge>
                  </Group>
                ))}
                {r.structures.length > 15 && (
                  <Text size="xs" c="dimmed">
                    and {r.structures.length - 15} more
                  </Text>
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                Non-standard clauses
              </Title>
              <Stack gap={4}>
                {r.clauses.length === 0 && (
                  <Text size="sm" c="dimmed">
                    None recorded.
                  </Text>
                )}
                {r.clauses.map((c) => (
                  <Group key={c.clause} justify="space-between">
                    <Text size="sm">{CLAUSE_LABELS[c.clause] ?? c.clause.replaceAll('_', ' ')}</Text>
                    <Badge variant="light" color="orange">
                      {c.deals}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
