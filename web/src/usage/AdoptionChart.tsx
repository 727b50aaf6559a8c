import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';

/** Active users and events per day for the last 30 days (loaded on demand: the chart library is large). */
export default function AdoptionChart({ daily }: { daily: Array<{ day: string; activeUsers: number; events: number }> }) {
  return (
    <LineChart
      h={220}
      data={daily.map((d) => ({ ...d, day: d.day.slice(5) }))}
      dataKey="day"
      series={[
        { name: 'activeUsers', label: 'Active users', color: 'blue.6' },
        { name: 'events', label: 'Events', color: 'teal.6', yAxisId: 'right' },
      ]}
      withRightYAxis
      withLegend
      curveType="monotone"
      data-testid="adoption-chart"
    />
  );
}
