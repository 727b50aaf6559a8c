import { Group, Paper, Text, Title, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { memo, useMemo } from 'react';
import { formatDate } from '../../ui/format.ts';
import { phaseLabel, TASK_STATE_LABELS } from '../labels.ts';
import type { ProjectMilestone, ProjectTask } from '../types.ts';
import { dayNo, isoOfDay, layoutGantt } from './gantt-layout.ts';

const ROW = 22;
const LABEL_W = 280;
const HEADER_H = 48;
const BAR_H = 12;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Props {
  tasks: readonly ProjectTask[];
  milestones: readonly ProjectMilestone[];
  promisedGoLive: string | null;
  forecastGoLive: string | null;
  today?: string;
}

/**
 * The plan on a calendar: one bar per task from its start to its finish, grouped by phase; done work shaded,
 * the critical path in orange, blocked work in red, the customer's tasks striped; milestones as diamonds; lines
 * at today, at the forecast and at the promised go-live. Plain SVG, so hundreds of tasks draw at once.
 */
export const Gantt = memo(function Gantt({
  tasks,
  milestones,
  promisedGoLive,
  forecastGoLive,
  today = new Date().toISOString().slice(0, 10),
}: Props) {
  const theme = useMantineTheme();
  const c = theme.colors;
  const layout = useMemo(
    () => layoutGantt(tasks, milestones, [today, promisedGoLive, forecastGoLive]),
    [tasks, milestones, today, promisedGoLive, forecastGoLive],
  );
  const { ref, width: boxWidth } = useElementSize();
  const span = layout.end - layout.start;
  // Fill the card's width; long plans scroll sideways rather than squeeze a day below 3 px.
  const px = Math.max(3, Math.min(28, ((boxWidth || 1200) - LABEL_W - 20) / span));
  const width = LABEL_W + span * px;
  const height = layout.rows * ROW + 6;
  const x = (day: number) => LABEL_W + (day - layout.start) * px;
  const fill = (t: ProjectTask) =>
    t.state === 'done' ? c.gray[4] : t.state === 'blocked' ? c.red[6] : t.critical ? c.orange[6] : c.blue[5];
  const lines = [
    { day: dayNo(today), label: 'Today', color: c.green[7], dash: '4 3' },
    forecastGoLive && { day: dayNo(forecastGoLive), label: 'Forecast', color: c.blue[8], dash: '2 2' },
    promisedGoLive && { day: dayNo(promisedGoLive), label: 'Promised', color: c.red[8], dash: undefined },
  ].filter((l): l is { day: number; label: string; color: string; dash: string | undefined } => Boolean(l));

  return (
    <Paper withBorder p="md" data-testid="gantt">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Timeline</Title>
        <Legend
          colors={{
            planned: c.blue[5],
            critical: c.orange[6],
            blocked: c.red[6],
            done: c.gray[4],
            customer: c.violet[7],
            promised: c.red[8],
            today: c.green[7],
          }}
        />
      </Group>
      {tasks.length === 0 ? (
        <Text c="dimmed" size="sm">
          The plan has no tasks.
        </Text>
      ) : (
        <div ref={ref} style={{ overflowX: 'auto' }}>
          <svg width={width} height={HEADER_H} role="presentation" style={{ display: 'block' }}>
            {layout.months.map((m) => (
              <g key={m.day}>
                <line x1={x(m.day)} x2={x(m.day)} y1={0} y2={HEADER_H} stroke={c.gray[4]} />
                <text x={x(m.day) + 3} y={11} fontSize={11} fill={c.gray[7]}>
                  {m.label}
                </text>
              </g>
            ))}
            {lines.map((l, i) => {
              // One row per line so that close dates do not write over each other; near the right edge, right-aligned.
              const lx = x(l.day) + px / 2;
              const end = lx > width - 70;
              return (
                <text
                  key={l.label}
                  x={end ? lx - 3 : lx + 3}
                  y={HEADER_H - 24 + i * 11}
                  fontSize={10}
                  fontWeight={600}
                  fill={l.color}
                  textAnchor={end ? 'end' : 'start'}
                >
                  {l.label}
                </text>
              );
            })}
          </svg>
          {/* Scrolls when the plan is long: focusable, so a keyboard scrolls it too. */}
          <div
            style={{ maxHeight: 560, overflowY: 'auto', width: width + 16 }}
            tabIndex={0}
            role="region"
            aria-label="Timeline of the tasks"
          >
            <svg
              width={width}
              height={height}
              role="list"
              aria-label="Tasks by phase, on the calendar"
              style={{ display: 'block' }}
            >
              <defs>
                <pattern
                  id="gantt-customer"
                  width={6}
                  height={6}
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width={3} height={6} fill="white" opacity={0.55} />
                </pattern>
              </defs>
              {layout.months.map((m) => (
                <line key={m.day} x1={x(m.day)} x2={x(m.day)} y1={0} y2={height} stroke={c.gray[2]} />
              ))}
              {layout.phases.map((p) => (
                <g
                  key={p.phase}
                  role="listitem"
                  aria-label={`Phase ${phaseLabel(p.phase)}: ${p.done} of ${p.tasks} tasks done`}
                >
                  <rect x={0} y={p.row * ROW} width={width} height={ROW} fill={c.gray[1]} />
                  <text x={6} y={p.row * ROW + 15} fontSize={12} fontWeight={700} fill={c.dark[6]}>
                    {clip(phaseLabel(p.phase), 30)} ({p.done}/{p.tasks})
                  </text>
                </g>
              ))}
              {layout.bars.map(({ task: t, row, from, to }) => {
                const y = row * ROW;
                const label = `${t.name}: ${formatDate(isoOfDay(from))} – ${formatDate(isoOfDay(to))}, ${TASK_STATE_LABELS[t.state]}${t.critical ? ', critical' : ''}${t.customerOwned ? ', customer task' : ''}${t.blockedReason ? ` (${t.blockedReason})` : ''}`;
                return (
                  <g
                    key={t.id}
                    role="listitem"
                    aria-label={label}
                    data-testid="gantt-bar"
                    data-state={t.state}
                    data-critical={t.critical || undefined}
                    data-customer={t.customerOwned || undefined}
                  >
                    <title>{label}</title>
                    <text
                      x={14}
                      y={y + 15}
                      fontSize={12}
                      fill={t.state === 'done' ? c.gray[6] : c.dark[7]}
                      textDecoration={t.state === 'done' ? 'line-through' : undefined}
                    >
                      {t.customerOwned ? '◧ ' : ''}
                      {clip(t.name, 36)}
                    </text>
                    <rect
                      x={x(from)}
                      y={y + (ROW - BAR_H) / 2}
                      width={Math.max(px, (to - from + 1) * px)}
                      height={BAR_H}
                      rx={3}
                      fill={fill(t)}
                      opacity={t.state === 'done' ? 0.7 : 1}
                    />
                    {t.customerOwned && (
                      <rect
                        x={x(from)}
                        y={y + (ROW - BAR_H) / 2}
                        width={Math.max(px, (to - from + 1) * px)}
                        height={BAR_H}
                        rx={3}
                        fill="url(#gantt-customer)"
                        stroke={c.violet[7]}
                      />
                    )}
                  </g>
                );
              })}
              {layout.undated.map(({ task: t, row }) => (
                <g key={t.id} role="listitem" aria-label={`${t.name}: not scheduled`}>
                  <text x={14} y={row * ROW + 15} fontSize={12} fill={c.gray[6]}>
                    {clip(t.name, 36)} — not scheduled
                  </text>
                </g>
              ))}
              {layout.diamonds.map(({ milestone: m, row, day, done }) => {
                const cx = x(day) + px / 2;
                const cy = row * ROW + ROW / 2;
                const label = `Milestone ${m.name}: ${done ? 'reached' : 'forecast'} ${formatDate(isoOfDay(day))}`;
                return (
                  <g key={m.id} role="listitem" aria-label={label} data-testid="gantt-milestone">
                    <title>{label}</title>
                    <path
                      d={`M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`}
                      fill={done ? c.teal[6] : 'white'}
                      stroke={m.goLive ? c.red[8] : c.teal[8]}
                      strokeWidth={2}
                    />
                  </g>
                );
              })}
              {lines.map((l) => (
                <line
                  key={l.label}
                  x1={x(l.day) + px / 2}
                  x2={x(l.day) + px / 2}
                  y1={0}
                  y2={height}
                  stroke={l.color}
                  strokeWidth={l.label === 'Promised' ? 2 : 1.5}
                  strokeDasharray={l.dash}
                />
              ))}
            </svg>
          </div>
        </div>
      )}
    </Paper>
  );
});

function Legend({ colors }: { colors: Record<string, string> }) {
  const swatch = (color: string, label: string, shape: 'bar' | 'line' | 'diamond' = 'bar') => (
    <Group gap={4} key={label}>
      <svg width={16} height={12} aria-hidden>
        {shape === 'bar' && <rect x={0} y={2} width={16} height={8} rx={2} fill={color} />}
        {shape === 'line' && <line x1={8} x2={8} y1={0} y2={12} stroke={color} strokeWidth={2} />}
        {shape === 'diamond' && <path d="M 8 1 L 13 6 L 8 11 L 3 6 Z" fill="white" stroke={color} strokeWidth={2} />}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="sm">
      {swatch(colors.planned!, 'Planned')}
      {swatch(colors.critical!, 'Critical path')}
      {swatch(colors.blocked!, 'Blocked')}
      {swatch(colors.done!, 'Done')}
      {swatch(colors.customer!, '◧ Customer’s task')}
      {swatch(colors.customer!, 'Milestone', 'diamond')}
      {swatch(colors.today!, 'Today', 'line')}
      {swatch(colors.promised!, 'Promised go-live', 'line')}
    </Group>
  );
}
