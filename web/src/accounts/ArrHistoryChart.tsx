import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** ARR over time as steps (loaded on demand: the chart library is large); the same figures are in a table beside it. */
export default function ArrHistoryChart({ points }: { points: Array<{ day: string; arr: number }> }) {
  return (
    <AreaChart
      h={200}
      data={points.map((p) => ({ day: p.day, ARR: p.arr }))}
      dataKey="day"
      curveType="stepAfter"
      valueFormatter={(n) => compactFormat.format(n)}
      series={[{ name: 'ARR', color: 'teal.6' }]}
      withDots={false}
    />
  );
}
