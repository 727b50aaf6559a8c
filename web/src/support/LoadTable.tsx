import { Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../ui/format.ts';
import { breachSentence, targetsInLine } from './sla-text.ts';
import type { AccountLoad, LoadsAnswer } from './types.ts';

const pct = (v: number) => `${Math.round(v * 100)} %`;
const hours = (v: number) => `${v} h`;

interface Column {
  key: string;
  label: string;
  /** What the number means, said once: on the header's hover and in the list below the table. */
  explains: string;
  value: (l: AccountLoad) => number | null;
  /** The cell: the number, or what is missing said plainly. */
  show: (l: AccountLoad) => string;
}

const first30 = (l: AccountLoad) => l.windows.find((w) => w.days === 30);
const windowCell = (days: number) => (l: AccountLoad) => {
  const w = l.windows.find((x) => x.days === days);
  if (l.goLive === null) return 'no go-live';
  if (!w || w.per100Seats === null) return `${w?.tickets ?? 0} (no seats)`;
  return `${w.per100Seats}${w.complete ? '' : ' so far'}`;
};

const COLUMNS: Column[] = [
  ...[30, 60, 90].map((days) => ({
    key: `w${days}`,
    label: `${days} days / 100 seats`,
    explains:
      `Tickets opened in the first ${days} days after go-live per 100 licensed seats ` +
      '("so far" while those days have not all passed).',
    value: (l: AccountLoad) => l.windows.find((w) => w.days === days)?.per100Seats ?? null,
    show: windowCell(days),
  })),
  {
    key: 'tickets',
    label: 'Tickets',
    explains: 'Tickets measured: those of the first 90 days after go-live, or every ticket without a go-live.',
    value: (l) => l.tickets,
    show: (l) => String(l.tickets),
  },
  {
    key: 'howTo',
    label: 'How-to share',
    explains: 'Of the tickets measured, the share asking how to do something.',
    value: (l) => l.howToShare,
    show: (l) => (l.howToShare === null ? 'no tickets' : pct(l.howToShare)),
  },
  {
    key: 'response',
    label: 'First response',
    explains: 'Median hours from a ticket’s opening to the customer’s first answer.',
    value: (l) => l.medianFirstResponseHours,
    show: (l) => (l.medianFirstResponseHours === null ? 'none answered' : hours(l.medianFirstResponseHours)),
  },
  {
    key: 'resolution',
    label: 'Resolution',
    explains: 'Median hours from a ticket’s opening to its solving.',
    value: (l) => l.medianResolutionHours,
    show: (l) => (l.medianResolutionHours === null ? 'none solved' : hours(l.medianResolutionHours)),
  },
  {
    key: 'sla',
    label: 'First-response breaches',
    explains: 'Tickets whose first response came, or is still missing, later than the target for their priority.',
    value: (l) => l.slaBreaches,
    show: (l) => String(l.slaBreaches),
  },
  {
    key: 'resolutionSla',
    label: 'Resolution breaches',
    explains:
      'Tickets solved later than the resolution target for their priority, or still open past it ("open": of ' +
      'those, the ones not solved yet).',
    value: (l) => l.resolutionBreaches,
    show: (l) =>
      l.resolutionBreachesOpen
        ? `${l.resolutionBreaches} (${l.resolutionBreachesOpen} open)`
        : String(l.resolutionBreaches),
  },
  {
    key: 'escalations',
    label: 'Escalations',
    explains: 'Tickets tagged as escalated in the help desk.',
    value: (l) => l.escalations,
    show: (l) => String(l.escalations),
  },
  {
    key: 'reopened',
    label: 'Reopened',
    explains: 'Tickets that were solved and opened again; "not told" when the help desk did not say.',
    value: (l) => l.reopened,
    show: (l) => (l.reopened === null ? 'not told' : String(l.reopened)),
  },
  {
    key: 'csat',
    label: 'CSAT',
    explains: 'Of the tickets the customer rated, the share rated good (4 or 5 of 5).',
    value: (l) => l.csat,
    show: (l) => (l.csat === null ? 'no ratings' : `${pct(l.csat)} of ${l.rated}`),
  },
];

/** Every account's support load after go-live, sortable by each measure, each measure explained. */
export function LoadTable({ loads }: { loads: LoadsAnswer }) {
  const [sort, setSort] = useState('w30');
  const [desc, setDesc] = useState(true);
  const column = COLUMNS.find((c) => c.key === sort) ?? COLUMNS[0]!;
  const rows = [...loads.items].sort((a, b) => {
    const x = column.value(a) ?? -1;
    const y = column.value(b) ?? -1;
    return (desc ? y - x : x - y) || a.accountName.localeCompare(b.accountName);
  });
  const onSort = (key: string) => {
    if (key === sort) setDesc(!desc);
    else {
      setSort(key);
      setDesc(true);
    }
  };
  const Icon = desc ? IconArrowDown : IconArrowUp;
  const sum = (of: (l: AccountLoad) => number) => loads.items.reduce((n, l) => n + of(l), 0);
  const totals = {
    measured: sum((l) => l.tickets),
    firstResponse: sum((l) => l.slaBreaches),
    resolution: sum((l) => l.resolutionBreaches),
    resolutionOpen: sum((l) => l.resolutionBreachesOpen),
  };
  const heaviest = loads.items[0];
  return (
    <>
      {heaviest && first30(heaviest)?.per100Seats != null && (
        <Text size="sm" mb="xs" data-testid="load-summary">
          Heaviest first month: {heaviest.accountName}, {heaviest.sentence}
        </Text>
      )}
      <Text size="sm" mb="xs" data-testid="breach-sentence">
        {breachSentence(totals, loads.slaTargets)}
      </Text>
      <Table.ScrollContainer minWidth={1040}>
        <Table data-testid="load-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Account</Table.Th>
              <Table.Th scope="col">Go-live</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th
                  key={c.key}
                  scope="col"
                  aria-sort={c.key === sort ? (desc ? 'descending' : 'ascending') : 'none'}
                >
                  <Tooltip label={c.explains} multiline w={260}>
                    <UnstyledButton onClick={() => onSort(c.key)} fw={600} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        {c.label}
                        {c.key === sort && <Icon size={14} aria-hidden />}
                      </Group>
                    </UnstyledButton>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.accountId}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {l.accountName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.sentence}
                  </Text>
                </Table.Th>
                <Table.Td>{l.goLive ? formatDate(l.goLive) : 'none'}</Table.Td>
                {COLUMNS.map((c) => (
                  <Table.Td key={c.key}>{c.show(l)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="sm" fw={600}>
        What the columns count
      </Text>
      <Text component="ul" size="sm" c="dimmed" m={0} data-testid="load-legend">
        {COLUMNS.filter((c) => c.key !== 'w60' && c.key !== 'w90').map((c) => (
          <li key={c.key}>
            <strong>{c.key === 'w30' ? '30/60/90 days / 100 seats' : c.label}:</strong>{' '}
            {c.key === 'w30'
              ? 'tickets opened in the first 30, 60 or 90 days after go-live per 100 licensed seats.'
              : c.explains}
            {c.key === 'sla' && ` Targets to the first answer: ${targetsInLine(loads.slaTargets, 'firstResponse')}.`}
            {c.key === 'resolutionSla' && ` Targets to solving: ${targetsInLine(loads.slaTargets, 'resolution')}.`}
          </li>
        ))}
      </Text>
    </>
  );
}
