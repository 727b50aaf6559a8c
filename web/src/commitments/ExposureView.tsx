import { Badge, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client.ts';
import type { ExposureReport, ExposureSection } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { STATUS_COLORS, STATUS_LABELS } from './labels.ts';
import { StrengthBadge } from './WordsReading.tsx';

type SectionKey = 'exposed' | 'overdue' | 'renewing';

const SECTIONS: ReadonlyArray<{ key: SectionKey; title: string; hint: (days: number) => string; color: string }> = [
  { key: 'exposed', title: 'Exposed', hint: () => "product's status is weaker than the words used", color: 'orange' },
  { key: 'overdue', title: 'Overdue', hint: () => 'the due date has passed and it is not shipped', color: 'red' },
  {
    key: 'renewing',
    title: 'Renewing soon',
    hint: (days) => `open promises on accounts renewing within ${days} days`,
    color: 'violet',
  },
];

function SectionTable({ section, kind }: { section: ExposureSection; kind: SectionKey }) {
  if (section.rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Nothing here.
      </Text>
    );
  return (
    <Table verticalSpacing={6} data-testid={`exposure-${kind}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Account</Table.Th>
          <Table.Th>Promise and words</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>{kind === 'overdue' ? 'Days late' : 'Renews in'}</Table.Th>
          <Table.Th>Why it is listed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {section.rows.map((r) => (
          <Table.Tr key={r.commitmentId}>
            <Table.Td>{r.accountName ?? '—'}</Table.Td>
            <Table.Td maw={260}>
              <Text size="sm">{r.what}</Text>
              <Group gap={4} wrap="nowrap">
                <StrengthBadge strength={r.strength} phrase={r.matchedPhrase} />
                <Text size="xs" fs="italic">
                  “{r.words}”
                </Text>
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge color={STATUS_COLORS[r.status]} variant="light">
                {STATUS_LABELS[r.status]}
              </Badge>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.dueDate ? formatDate(r.dueDate) : '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {kind === 'overdue'
                ? `${r.daysOverdue} days`
                : r.daysToRenewal === null
                  ? '—'
                  : `${r.daysToRenewal} days`}
            </Table.Td>
            <Table.Td maw={320}>
              <Text size="xs">{r.reason}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The exposure report: three lists of promises that put an account at risk, each with its count and why. */
export function ExposureView() {
  const [withinDays, setWithinDays] = useState<number>(180);
  const [days] = useDebouncedValue(withinDays, 300);
  const report = useQuery({
    queryKey: ['commitment-exposure', days],
    queryFn: () => get<ExposureReport>(`/api/v1/reports/commitment-exposure${query({ withinDays: days })}`),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  return (
    <Stack data-testid="exposure-report">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {r
            ? `${r.totals.listed} of ${r.totals.commitments} promises listed, on ${r.totals.accounts} accounts; ${r.totals.open} are not shipped.`
            : 'Promises that put a customer relationship at risk.'}
        </Text>
        <NumberInput
          label="Renewal window (days)"
          value={withinDays}
          onChange={(v) => setWithinDays(typeof v === 'number' ? v : 180)}
          min={0}
          max={730}
          w={180}
        />
      </Group>
      {report.isError && <ErrorState error={report.error} />}
      {r && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {SECTIONS.map((s) => (
              <Paper key={s.key} withBorder p="md">
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {s.title}
                </Text>
                <Text
                  fz={32}
                  fw={700}
                  c={r[s.key].count > 0 ? s.color : undefined}
                  data-testid={`exposure-count-${s.key}`}
                >
                  {r[s.key].count}
                </Text>
                <Text size="xs" c="dimmed">
                  on {r[s.key].accounts} account{r[s.key].accounts === 1 ? '' : 's'}: {s.hint(r.withinDays)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {SECTIONS.map((s) => (
            <Paper key={s.key} withBorder p="md">
              <Title order={4} mb="xs">
                {s.title} ({r[s.key].count})
              </Title>
              <SectionTable section={r[s.key]} kind={s.key} />
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}
