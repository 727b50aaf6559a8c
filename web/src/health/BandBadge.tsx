import { Badge } from '@mantine/core';
import { BAND_COLORS, BAND_LABELS, type Band } from './score.ts';

/** A health score and its band in words (never colour alone). */
export function BandBadge({ score, band }: { score: number | null; band: Band | string | null }) {
  if (score === null || band === null)
    return (
      <Badge variant="outline" color="gray">
        No data
      </Badge>
    );
  const b = band as Band;
  return (
    <Badge color={BAND_COLORS[b] ?? 'gray'} variant="light">
      {score} · {BAND_LABELS[b] ?? band}
    </Badge>
  );
}
