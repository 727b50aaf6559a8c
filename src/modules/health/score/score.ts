/**
 * A health score from an account's measures and its segment's scorecard (pure). A dimension is the weighted mean
 * of its measures that have data; the score is the weighted mean of the dimensions that have data, their weights
 * renormalised over those. A measure without data says so and counts for nothing, never as 0.
 */
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  MEASURE_INFO,
  MEASURES,
  type Measure,
  type MeasureValue,
} from './measures.ts';
import { type Band, bandOf, pointsOf, type Scorecard } from './scorecard.ts';

export interface MeasureComponent {
  measure: Measure;
  label: string;
  /** null: no data. */
  raw: number | null;
  detail: string | null;
  points: number | null;
  weight: number;
  bad: number;
  good: number;
  sentence: string;
}

export interface DimensionComponent {
  dimension: Dimension;
  label: string;
  points: number | null;
  weight: number;
  /** The share of the score this dimension carries once dimensions without data are left out (0–1). */
  share: number;
  measures: MeasureComponent[];
  sentence: string;
}

export interface Components {
  segment: string;
  dimensions: DimensionComponent[];
}

export interface ScoreResult {
  /** null when no dimension has data. */
  score: number | null;
  band: Band | null;
  components: Components;
}

/** The weighted mean of the parts with a value and a weight, or null. */
function weightedMean(parts: ReadonlyArray<{ value: number | null; weight: number }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.value === null || p.weight <= 0) continue;
    sum += p.value * p.weight;
    weights += p.weight;
  }
  return weights > 0 ? sum / weights : null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function scoreOf(values: Partial<Record<Measure, MeasureValue>>, card: Scorecard, segment: string): ScoreResult {
  const dimensions = DIMENSIONS.map((dimension): DimensionComponent => {
    const measures = MEASURES.filter((m) => MEASURE_INFO[m].dimension === dimension).map((m): MeasureComponent => {
      const v = values[m];
      const t = card.measures[m];
      const label = MEASURE_INFO[m].label;
      const points = v ? pointsOf(v.raw, t) : null;
      return {
        measure: m,
        label,
        raw: v?.raw ?? null,
        detail: v?.detail ?? null,
        points,
        weight: t.weight,
        bad: t.bad,
        good: t.good,
        sentence: v ? `${cap(label)}: ${v.detail}, ${points} of 100 points.` : `${cap(label)}: no data.`,
      };
    });
    const mean = weightedMean(measures.map((m) => ({ value: m.points, weight: m.weight })));
    const points = mean === null ? null : Math.round(mean);
    const weight = card.dimensions[dimension].weight;
    return {
      dimension,
      label: DIMENSION_LABELS[dimension],
      points,
      weight,
      share: 0,
      measures,
      sentence:
        points === null
          ? `${DIMENSION_LABELS[dimension]}: no data.`
          : `${DIMENSION_LABELS[dimension]} ${points} of 100 from ${measures
              .filter((m) => m.points !== null && m.weight > 0)
              .map((m) => m.label)
              .join(' and ')}.`,
    };
  });
  const counted = dimensions.filter((d) => d.points !== null && d.weight > 0);
  const total = counted.reduce((s, d) => s + d.weight, 0);
  for (const d of counted) d.share = Math.round((d.weight / total) * 1000) / 1000;
  const mean = weightedMean(dimensions.map((d) => ({ value: d.points, weight: d.weight })));
  const score = mean === null ? null : Math.round(mean);
  return { score, band: score === null ? null : bandOf(score), components: { segment, dimensions } };
}

/**
 * How two scorings compare: `same` when nothing differs, `values` when only raw values moved within the same points
 * (a day more since a touch), `points` when the score, a dimension's or a measure's points, a weight or whether a
 * measure has data changed — what a person reads as a different score, and what the history keeps.
 */
export function compareScorings(
  a: ScoreResult,
  b: { score: number | null; components: Components },
): 'same' | 'values' | 'points' {
  const points = (c: Components) =>
    JSON.stringify(
      c.dimensions.map((d) => [d.dimension, d.points, d.weight, d.measures.map((m) => [m.points, m.weight])]),
    );
  if (a.score !== b.score || points(a.components) !== points(b.components)) return 'points';
  const values = (c: Components) => JSON.stringify(c.dimensions.map((d) => d.measures.map((m) => [m.raw, m.detail])));
  return values(a.components) === values(b.components) ? 'same' : 'values';
}
