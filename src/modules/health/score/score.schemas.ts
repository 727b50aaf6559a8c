import { z } from 'zod';
import { BANDS, SCORE_SEGMENTS } from './scorecard.ts';
import { scorecardSchema, scorecardSegmentsSchema } from './scorecard.settings.ts';

const band = z.enum(BANDS).nullable().describe('green ≥ 70, yellow ≥ 40, red below; null without data');

const measureComponent = z.object({
  measure: z.string(),
  label: z.string(),
  raw: z.number().nullable().describe('The raw value; null: no data (it counts for nothing, never as 0)'),
  detail: z.string().nullable(),
  points: z.number().nullable().describe('0–100, linear from the bad to the good threshold'),
  weight: z.number(),
  bad: z.number(),
  good: z.number(),
  sentence: z.string(),
});

const dimensionComponent = z.object({
  dimension: z.string(),
  label: z.string(),
  points: z.number().nullable().describe('Weighted mean of its measures with data; null: none has data'),
  weight: z.number(),
  share: z.number().describe('Its share of the score once dimensions without data are left out (0–1)'),
  measures: z.array(measureComponent),
  sentence: z.string(),
});

export const healthScoreSchema = z.object({
  accountId: z.string(),
  scoredAt: z.string(),
  score: z.number().nullable(),
  band,
  scorecardVersion: z.number(),
  components: z.object({ segment: z.string(), dimensions: z.array(dimensionComponent) }),
});

const move = z.object({
  dimension: z.string(),
  label: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  change: z.number().nullable(),
  since: z.string(),
  measures: z.array(
    z.object({
      measure: z.string(),
      label: z.string(),
      from: z.number().nullable(),
      to: z.number().nullable(),
      fromDetail: z.string().nullable(),
      toDetail: z.string().nullable(),
      pointsChange: z.number().nullable(),
    }),
  ),
  sentence: z.string(),
});

const comparison = z
  .object({ since: z.string(), score: z.number().nullable(), moves: z.array(move) })
  .nullable()
  .describe('null: no scoring to compare with');

export const scoreViewSchema = z.object({
  accountId: z.string(),
  current: healthScoreSchema.nullable().describe('null: not scored yet'),
  why: z.object({ sincePrevious: comparison, since30Days: comparison }),
});

export const historyQuery = z.object({
  from: z.iso.date().optional().describe('First day (YYYY-MM-DD); 90 days ago by default'),
  to: z.iso.date().optional().describe('Last day (YYYY-MM-DD); today by default'),
});

export const historySchema = z.object({
  accountId: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(
    z.object({
      scoredAt: z.string(),
      score: z.number().nullable(),
      band,
      scorecardVersion: z.number(),
      dimensions: z.array(z.object({ dimension: z.string(), points: z.number().nullable() })),
    }),
  ),
});

export const scorecardsBody = z.object({ segments: scorecardSegmentsSchema });

const scorecardOut = scorecardSchema.describe(
  'Dimension weights; measure weights and thresholds (bad → 0, good → 100)',
);

export const scorecardsSchema = z.object({
  version: z.number().describe('0: the defaults, never saved'),
  segments: z.record(z.enum(SCORE_SEGMENTS), scorecardOut),
  defaults: z.record(z.enum(SCORE_SEGMENTS), scorecardOut),
  bands: z.object({ green: z.number(), yellow: z.number() }),
  measures: z.array(
    z.object({
      measure: z.string(),
      dimension: z.string(),
      label: z.string(),
      higherIsBetter: z.boolean(),
      unit: z.string(),
    }),
  ),
  fallbackSegment: z.string().describe('The scorecard of accounts without a segment'),
  jobId: z.string().optional().describe('The full recompute a save queued'),
});

export const distributionSchema = z.object({
  green: z.number(),
  yellow: z.number(),
  red: z.number(),
  none: z.number().describe('Accounts scored with no data in any dimension'),
});

export const recomputeSchema = z.object({ jobId: z.string(), type: z.string(), state: z.literal('queued') });
