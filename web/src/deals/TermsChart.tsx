import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { TermsReport } from '../api/types.ts';

const SERIES = [
  { name: 'deals', label: 'Won deals', color: 'blue.6' },
  { name: 'structures', label: 'Pricing structures', color: 'violet.6' },
  { name: 'nonStandard', label: 'Non-standard', color: 'orange.6' },
  { name: 'withUnscopedCommitments', label: 'With unscoped promises', color: 'red.6' },
];

/** The contract-terms figures per quarter as grouped bars (loaded on demand: the chart library is large). */
export default function TermsChart({ byQuarter }: { byQuarter: TermsReport['byQuarter'] }) {
  return (
    <BarChart
      h={280}
      data={byQuarter}
      dataKey="quarter"
      series={SERIES}
      withLegend
      tickLine="y"
      data-testid="terms-chart"
    />
  );
}
