import { Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import type { CapacityFigures, CapacityPlan, CapacityStatus } from '../types.ts';

const STATUS: Record<CapacityStatus, { label: string; bg: string; fg: string }> = {
  under: { label: 'Spare capacity', bg: 'var(--mantine-color-blue-1)', fg: 'var(--mantine-color-blue-9)' },
  ok: { label: 'Well used', bg: 'var(--mantine-color-teal-2)', fg: 'var(--mantine-color-teal-9)' },
  over: { label: 'Over capacity', bg: 'var(--mantine-color-red-2)', fg: 'var(--mantine-color-red-9)' },
  no_capacity: {
    label: 'Demand, nobody to do it',
    bg: 'var(--mantine-color-gray-4)',
    fg: 'var(--mantine-color-dark-7)',
  },
};

const h = (n: number) => Math.round(n).toLocaleString();
const pct = (u: number | null) => (u === null ? '—' : `${Math.round(u * 100)} %`);
const weekLabel = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const roleLabel = (role: string) => role.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Role × week, coloured by how much of the capacity the demand takes; each cell says demand / capacity hours. */
export function CapacityHeatmap({ plan }: { plan: CapacityPlan }) {
  const { roles, cell } = useMemo(() => {
    const byKey = new Map(plan.rows.map((r) => [`${r.role}|${r.week}`, r]));
    const roles = plan.roles.length ? plan.roles : [...new Set(plan.rows.map((r) => r.role))].sort();
    return { roles, cell: (role: string, week: string) => byKey.get(`${role}|${week}`) };
  }, [plan.rows, plan.roles]);
  const totals = new Map(plan.totals.map((t) => [t.week, t]));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Demand against capacity, by role and week</Title>
        <Group gap="sm">
          {(Object.keys(STATUS) as CapacityStatus[]).map((s) => (
            <Group key={s} gap={4}>
              <div style={{ width: 14, height: 14, borderRadius: 3, background: STATUS[s].bg }} />
              <Text size="xs">{STATUS[s].label}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        Each cell: hours demanded / hours available. Demand counts running projects’ remaining work and the pipeline
        weighted by its chance; {Math.round(plan.bufferPct * 100)} % of capacity is kept free.
      </Text>
      {roles.length === 0 ? (
        <Text size="sm" c="dimmed">
          No people and no demand in these weeks: add the people who deliver under People.
        </Text>
      ) : (
        // 12 weeks fit a 1440 px screen; more scroll sideways, by keyboard too (the region takes focus).
        <div
          style={{ overflowX: 'auto', maxWidth: '100%' }}
          tabIndex={0}
          role="region"
          aria-label="Demand against capacity, by role and week (scrolls sideways)"
        >
          <Table
            withColumnBorders
            verticalSpacing={4}
            horizontalSpacing={4}
            data-testid="capacity-heatmap"
            style={{ tableLayout: 'fixed', minWidth: 130 + plan.weeks.length * 70 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>Role</Table.Th>
                {plan.weeks.map((w) => (
                  <Table.Th key={w} ta="center" style={{ fontSize: 12 }}>
                    {weekLabel(w)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.map((role) => (
                <Table.Tr key={role}>
                  <Table.Th scope="row">{roleLabel(role)}</Table.Th>
                  {plan.weeks.map((w) => (
                    <HeatCell key={w} cell={cell(role, w)} title={`${roleLabel(role)}, week of ${weekLabel(w)}`} />
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr data-testid="capacity-totals">
                <Table.Th scope="row">All roles</Table.Th>
                {plan.weeks.map((w) => (
                  <HeatCell key={w} cell={totals.get(w)} title={`All roles, week of ${weekLabel(w)}`} bold />
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

function HeatCell({ cell, title, bold }: { cell: CapacityFigures | undefined; title: string; bold?: boolean }) {
  if (!cell) return <Table.Td />;
  const s = STATUS[cell.status];
  const tip = (
    <div>
      <Text size="xs" fw={700}>
        {title}
      </Text>
      <Text size="xs">Projects: {h(cell.projectDemandHours)} h</Text>
      <Text size="xs">Pipeline (weighted): {h(cell.pipelineDemandHours)} h</Text>
      <Text size="xs">
        Demand {h(cell.demandHours)} h of {h(cell.capacityHours)} h ({pct(cell.utilization)})
      </Text>
      <Text size="xs">Available after the buffer: {h(cell.availableAfterBufferHours)} h</Text>
      <Text size="xs">
        {cell.gapHours > 0
          ? `Short by ${h(cell.gapHours)} h`
          : cell.gapHours < 0
            ? `${h(-cell.gapHours)} h to spare`
            : 'Exactly covered'}
      </Text>
    </div>
  );
  return (
    <Tooltip label={tip} withArrow multiline w={240}>
      <Table.Td
        ta="center"
        style={{ background: s.bg, color: s.fg, fontWeight: bold ? 700 : 500, fontSize: 12, cursor: 'default' }}
        data-status={cell.status}
        aria-label={`${title}: ${h(cell.demandHours)} of ${h(cell.capacityHours)} hours, ${s.label.toLowerCase()}`}
        tabIndex={0}
      >
        {h(cell.demandHours)}/{h(cell.capacityHours)}
      </Table.Td>
    </Tooltip>
  );
}
