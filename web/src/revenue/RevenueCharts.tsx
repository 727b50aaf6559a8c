import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { RetentionAnswer } from './types.ts';

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const compact = (n: number) => compactFormat.format(n);

/**
 * The ARR waterfall: start, each movement, end, drawn as floating bars (an invisible base under each step), and the
 * NRR of each cohort. Loaded on demand: the chart library is large. The same figures are in tables beside them.
 */
export function WaterfallChart({ w }: { w: RetentionAnswer['waterfall'] }) {
  let level = w.start;
  const step = (label: string, delta: number) => {
    const from = level;
    level += delta;
    return {
      step: label,
      base: Math.min(from, level),
      up: delta > 0 ? delta : 0,
      down: delta < 0 ? -delta : 0,
      total: 0,
    };
  };
  const data = [
    { step: 'Start', base: 0, up: 0, down: 0, total: w.start },
    step('New', w.new),
    step('Reactivation', w.reactivation),
    step('Expansion', w.expansion),
    step('Contraction', -w.contraction),
    step('Churn', -w.churn),
    { step: 'End', base: 0, up: 0, down: 0, total: w.end },
  ];
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="step"
      type="stacked"
      valueFormatter={compact}
      series={[
        { name: 'base', label: 'Level before the step', color: 'transparent' },
        { name: 'total', label: 'ARR', color: 'blue.7' },
        { name: 'up', label: 'Added', color: 'teal.8' },
        { name: 'down', label: 'Lost', color: 'red.8' },
      ]}
      data-testid="arr-waterfall"
      role="img"
      aria-label="ARR waterfall: start, new, reactivation, expansion, contraction, churn and end; the table beside it gives each figure"
    />
  );
}

export function CohortChart({ cohorts }: { cohorts: RetentionAnswer['cohorts'] }) {
  return (
    <BarChart
      h={240}
      data={cohorts.map((c) => ({ cohort: c.cohort, nrr: c.nrr === null ? 0 : Math.round(c.nrr * 1000) / 10 }))}
      dataKey="cohort"
      unit=" %"
      series={[{ name: 'nrr', label: 'NRR', color: 'blue.7' }]}
      referenceLines={[{ y: 100, label: '100 %', color: 'gray.7' }]}
      data-testid="cohort-chart"
      role="img"
      aria-label="Net revenue retention by cohort (quarter of first subscription); the table beside it gives each figure"
    />
  );
}

export default { WaterfallChart, CohortChart };
