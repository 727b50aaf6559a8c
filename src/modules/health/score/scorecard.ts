/**
 * Scorecards (pure): per segment, each dimension's weight and each measure's weight and thresholds. A measure's
 * points run linearly from 0 at its "bad" value to 100 at its "good" value (clamped), whichever way is good.
 * Bands: green from 70 points, yellow from 40, red below.
 */
import { DIMENSIONS, type Dimension, MEASURE_INFO, MEASURES, type Measure } from './measures.ts';

export const SCORE_SEGMENTS = ['smb', 'mid_market', 'enterprise'] as const;
export type ScoreSegment = (typeof SCORE_SEGMENTS)[number];
/** Accounts without a segment are scored on this segment's scorecard. */
export const FALLBACK_SEGMENT: ScoreSegment = 'mid_market';

export interface MeasureSetting {
  weight: number;
  /** The raw value worth 0 points. */
  bad: number;
  /** The raw value worth 100 points. */
  good: number;
}

export interface Scorecard {
  dimensions: Record<Dimension, { weight: number }>;
  measures: Record<Measure, MeasureSetting>;
}

export interface Scorecards {
  /** Bumped on every save; each stored score names the version it was computed with. */
  version: number;
  segments: Record<ScoreSegment, Scorecard>;
}

export const BANDS = ['green', 'yellow', 'red'] as const;
export type Band = (typeof BANDS)[number];
export const GREEN_FROM = 70;
export const YELLOW_FROM = 40;

export const bandOf = (score: number): Band =>
  score >= GREEN_FROM ? 'green' : score >= YELLOW_FROM ? 'yellow' : 'red';

const BASE: Scorecard = {
  dimensions: {
    delivery: { weight: 15 },
    adoption: { weight: 30 },
    support: { weight: 10 },
    sentiment: { weight: 20 },
    relationship: { weight: 15 },
    commercial: { weight: 20 },
  },
  measures: {
    forecast_slip_days: { weight: 1, bad: 30, good: 0 },
    adoption_rate: { weight: 2, bad: 20, good: 70 },
    active_user_trend: { weight: 1, bad: -30, good: 0 },
    tickets_per_100_seats: { weight: 1, bad: 30, good: 5 },
    how_to_share: { weight: 1, bad: 70, good: 30 },
    first_response_hours: { weight: 1, bad: 48, good: 4 },
    nps: { weight: 1, bad: -30, good: 40 },
    csat: { weight: 1, bad: 50, good: 90 },
    sponsor_days_since_touch: { weight: 2, bad: 90, good: 30 },
    days_since_touch: { weight: 1, bad: 60, good: 14 },
    arr_change_90d: { weight: 2, bad: -20, good: 5 },
    last_invoice_failed: { weight: 1, bad: 1, good: 0 },
  },
};

const withChanges = (
  dims: Partial<Record<Dimension, number>>,
  measures: Partial<Record<Measure, Partial<MeasureSetting>>>,
): Scorecard => ({
  dimensions: Object.fromEntries(
    DIMENSIONS.map((d) => [d, { weight: dims[d] ?? BASE.dimensions[d].weight }]),
  ) as Scorecard['dimensions'],
  measures: Object.fromEntries(
    MEASURES.map((m) => [m, { ...BASE.measures[m], ...measures[m] }]),
  ) as Scorecard['measures'],
});

/**
 * The defaults: small customers are read mostly by their usage and are touched less often; large ones depend on
 * their executive sponsor and are touched often. A sponsor untouched for 60 days (the renewal signal's default,
 * DESIGN §4) is worth half the points on the small and mid-market scorecards.
 */
export const DEFAULT_SCORECARDS: Scorecards = {
  version: 0,
  segments: {
    smb: withChanges({ adoption: 35, relationship: 10, delivery: 15 }, { days_since_touch: { bad: 90, good: 30 } }),
    mid_market: withChanges({}, {}),
    enterprise: withChanges(
      { relationship: 25, adoption: 25, commercial: 15 },
      { sponsor_days_since_touch: { bad: 60, good: 21 }, days_since_touch: { bad: 30, good: 7 } },
    ),
  },
};

/**
 * A stored scorecard from before a dimension or measure existed, completed with the mid-market defaults, so saved
 * scorecards keep loading as measures are added (they count from the next save or scoring).
 */
export function completeScorecard(card: unknown): unknown {
  if (typeof card !== 'object' || card === null) return card;
  const c = card as { dimensions?: Record<string, unknown>; measures?: Record<string, unknown> };
  const base = DEFAULT_SCORECARDS.segments.mid_market;
  return {
    ...c,
    dimensions:
      typeof c.dimensions === 'object' && c.dimensions !== null
        ? { ...Object.fromEntries(DIMENSIONS.map((d) => [d, base.dimensions[d]])), ...c.dimensions }
        : c.dimensions,
    measures:
      typeof c.measures === 'object' && c.measures !== null
        ? { ...Object.fromEntries(MEASURES.map((m) => [m, base.measures[m]])), ...c.measures }
        : c.measures,
  };
}

/** Points (0–100, whole) of a raw value between its thresholds. */
export function pointsOf(raw: number, t: Pick<MeasureSetting, 'bad' | 'good'>): number {
  if (t.good === t.bad) return raw === t.good ? 100 : 0;
  const share = (raw - t.bad) / (t.good - t.bad);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** What is wrong with a scorecard, each problem with its path below the scorecard (for `body.segments.smb.…`). */
export function scorecardProblems(card: Scorecard): Array<{ path: string[]; message: string }> {
  const out: Array<{ path: string[]; message: string }> = [];
  if (!DIMENSIONS.some((d) => card.dimensions[d].weight > 0))
    out.push({ path: ['dimensions'], message: 'at least one dimension needs a weight above 0' });
  for (const m of MEASURES) {
    const { bad, good } = card.measures[m];
    const ordered = MEASURE_INFO[m].higherIsBetter ? bad < good : bad > good;
    if (!ordered)
      out.push({
        path: ['measures', m, 'good'],
        message: MEASURE_INFO[m].higherIsBetter
          ? `must be above bad (${bad}): a higher ${m} is better`
          : `must be below bad (${bad}): a lower ${m} is better`,
      });
  }
  return out;
}
