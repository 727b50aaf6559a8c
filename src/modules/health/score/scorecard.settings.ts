/**
 * The workspace's scorecards as a setting (per segment: dimension weights, measure weights and thresholds), with the
 * rules a saved scorecard keeps: weights at least 0 with one dimension above 0, each measure's thresholds ordered
 * the way its good direction runs. Problems name the field (`body.segments.smb.measures.nps.good`).
 */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';
import { DIMENSIONS, MEASURES } from './measures.ts';
import {
  completeScorecard,
  DEFAULT_SCORECARDS,
  SCORE_SEGMENTS,
  scorecardProblems,
  type Scorecards,
} from './scorecard.ts';

const weight = z.number().min(0).max(1000);
const threshold = z.number().min(-1_000_000).max(1_000_000);

const cardSchema = z
  .object({
    dimensions: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.object({ weight })]))),
    measures: z.object(
      Object.fromEntries(MEASURES.map((m) => [m, z.object({ weight, bad: threshold, good: threshold })])),
    ),
  })
  .superRefine((card, ctx) => {
    for (const p of scorecardProblems(card as Scorecards['segments']['smb']))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

/** A scorecard; one saved before a dimension or measure existed takes its defaults. */
export const scorecardSchema = z.preprocess(completeScorecard, cardSchema);

export const scorecardSegmentsSchema = z.object(Object.fromEntries(SCORE_SEGMENTS.map((s) => [s, scorecardSchema])));

export const scorecardsSchema = z.object({
  version: z.number().int().min(0),
  segments: scorecardSegmentsSchema,
});

export const scorecardsSetting = defineSetting({
  key: 'health.scorecards',
  schema: scorecardsSchema,
  defaultValue: DEFAULT_SCORECARDS,
});
