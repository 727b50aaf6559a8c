import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { CATEGORY_LABELS, type TrendWeek } from './types.ts';

const SERIES = [
  { name: 'how_to', label: CATEGORY_LABELS.how_to, color: 'orange.6' },
  { name: 'bug', label: CATEGORY_LABELS.bug, color: 'red.6' },
  { name: 'configuration', label: CATEGORY_LABELS.configuration, color: 'blue.6' },
  { name: 'feature_request', label: CATEGORY_LABELS.feature_request, color: 'teal.6' },
  { name: 'billing', label: CATEGORY_LABELS.billing, color: 'violet.6' },
  { name: 'other', label: CATEGORY_LABELS.other, color: 'gray.6' },
  { name: 'unlabelled', label: 'Unlabelled', color: 'gray.4' },
];

/** Tickets opened per week, stacked by category (loaded on demand: the chart library is large). */
export default function TrendChart({ weeks }: { weeks: TrendWeek[] }) {
  return (
    <BarChart
      h={260}
      data={weeks}
      dataKey="week"
      type="stacked"
      series={SERIES}
      withLegend
      tickLine="y"
      data-testid="trend-chart"
    />
  );
}
