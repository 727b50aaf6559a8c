import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { type Portfolio } from '../health/portfolio.ts';
import { bandLabel } from './bands.ts';

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** ARR at risk and ARR by health band. Loaded on demand; the same figures are in the table beside it. */
export default function BandChart({ byBand }: { byBand: Portfolio['byBand'] }) {
  const data = byBand.map((b) => ({ band: bandLabel(b.band), 'ARR at risk': b.arrAtRisk, ARR: b.arr }));
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="band"
      valueFormatter={(n) => compactFormat.format(n)}
      series={[
        { name: 'ARR at risk', color: 'red.6' },
        { name: 'ARR', color: 'gray.5' },
      ]}
      tickLine="y"
    />
  );
}
