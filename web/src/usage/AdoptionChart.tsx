import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';

/**
 * Active users and events per day, with the licensed seats drawn as a line beside the active users (loaded on
 * demand: the chart library is large).
 */
export default function AdoptionChart({
  daily,
  seats,
}: {
  daily: Array<{ day: string; activeUsers: number; events: number }>;
  seats: number | null;
}) {
  return (
    <LineChart
      h={240}
      data={daily.map((d) => ({ ...d, day: d.day.slice(5), ...(seats === null ? {} : { seats }) }))}
      dataKey="day"
      series={[
        { name: 'activeUsers', label: 'Active users', color: 'blue.6' },
        ...(seats === null
          ? []
          : [{ name: 'seats', label: 'Licensed seats', color: 'gray.7', strokeDasharray: '6 4' }]),
        { name: 'events', label: 'Events', color: 'teal.6', yAxisId: 'right' },
      ]}
      withRightYAxis
      withLegend
      withDots={daily.length <= 31}
      curveType="monotone"
      data-testid="adoption-chart"
      aria-label={`Active users${seats === null ? '' : ', licensed seats'} and events per day over ${daily.length} days`}
    />
  );
}
