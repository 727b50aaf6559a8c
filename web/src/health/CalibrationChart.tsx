import '@mantine/charts/styles.css';
import { ScatterChart } from '@mantine/charts';
import type { CalibrationBin } from './types.ts';

/**
 * Calibration: for each bin of predicted probability, the share of its accounts that churned, against the diagonal
 * where prediction and outcome agree. Loaded on demand (the chart library is large); the table beside it gives the
 * same figures.
 */
export function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  return (
    <ScatterChart
      h={260}
      data={[
        {
          name: 'Accounts in the bin',
          color: 'blue.7',
          data: bins.map((b) => ({
            predicted: Math.round(b.predicted * 1000) / 10,
            observed: Math.round(b.observed * 1000) / 10,
          })),
        },
      ]}
      dataKey={{ x: 'predicted', y: 'observed' }}
      labels={{ x: 'Predicted', y: 'Churned' }}
      unit={{ x: ' %', y: ' %' }}
      xAxisLabel="Predicted probability (%)"
      yAxisLabel="Share that churned (%)"
      xAxisProps={{ domain: [0, 100], type: 'number' }}
      yAxisProps={{ domain: [0, 100] }}
      referenceLines={[
        {
          segment: [
            { x: 0, y: 0 },
            { x: 100, y: 100 },
          ],
          color: 'gray.6',
          label: 'perfect calibration',
          labelPosition: 'insideTopLeft',
        },
      ]}
      data-testid="calibration-chart"
      role="img"
      aria-label="Calibration: predicted probability against the share that churned, per bin, with the diagonal of perfect calibration; the table beside it gives each figure"
    />
  );
}

export default { CalibrationChart };
