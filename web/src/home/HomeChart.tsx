import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { type Portfolio, stageLabel } from '../health/portfolio.ts';

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** ARR at risk by chain stage. Loaded on demand (the chart library is large); the same figures are in the table beside it. */
export default function StageChart({ byStage }: { byStage: Portfolio['byStage'] }) {
  const data = byStage.map((s) => ({ stage: stageLabel(s.stage), 'ARR at risk': s.arrAtRisk }));
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="stage"
      valueFormatter={(n) => compactFormat.format(n)}
      series={[{ name: 'ARR at risk', color: 'red.6' }]}
      tickLine="y"
    />
  );
}
