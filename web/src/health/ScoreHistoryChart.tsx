import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { ScoreHistory } from './score.ts';

/**
 * An account's health score over time (each scoring that changed its points), loaded on demand (the chart library
 * is large); the card beside it says the same in sentences.
 */
export function ScoreHistoryChart({ points }: { points: ScoreHistory['points'] }) {
  return (
    <LineChart
      h={180}
      data={points.map((p) => ({ day: p.scoredAt.slice(0, 10), score: p.score }))}
      dataKey="day"
      series={[{ name: 'score', label: 'Health score', color: 'blue.7' }]}
      yAxisProps={{ domain: [0, 100] }}
      referenceLines={[
        { y: 70, label: 'Green from 70', color: 'teal.7' },
        { y: 40, label: 'Yellow from 40', color: 'yellow.8' },
      ]}
      curveType="stepAfter"
      connectNulls={false}
      withDots
    />
  );
}
