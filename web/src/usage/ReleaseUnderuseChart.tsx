import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/** Share of entitled accounts using each released feature (loaded on demand: the chart library is large). */
export default function ReleaseUnderuseChart({ rows }: { rows: Array<{ featureName: string; share: number | null }> }) {
  return (
    <BarChart
      h={220}
      data={rows.map((r) => ({ feature: r.featureName, share: r.share === null ? 0 : Math.round(r.share * 100) }))}
      dataKey="feature"
      series={[{ name: 'share', label: 'Accounts using it (%)', color: 'blue.6' }]}
      referenceLines={[{ y: 20, label: '20 %', color: 'red.6' }]}
      // A share of 0–100 %, the 20 % line always in view; bars keep a bar's width however few features there are.
      unit=" %"
      yAxisProps={{ domain: [0, 100] }}
      maxBarWidth={56}
      data-testid="underuse-chart"
    />
  );
}
