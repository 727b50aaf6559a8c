/** The thresholds of the revenue signals (DESIGN §4, stage 6), configurable per workspace; each rule can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const revenueThresholdsSchema = z.object({
  /** ARR down against `lookbackDays` ago by more than `minDropShare` of it (and not to zero: that is churn). */
  contraction: z.object({
    enabled: z.boolean(),
    lookbackDays: z.number().int().min(1).max(730),
    minDropShare: z.number().min(0).max(1),
  }),
  /** `months` or more under contract and ARR never above what the first subscription started at. */
  noExpansion: z.object({ enabled: z.boolean(), months: z.number().int().min(1).max(120) }),
});
export type RevenueThresholds = z.infer<typeof revenueThresholdsSchema>;

export const DEFAULT_REVENUE_THRESHOLDS: RevenueThresholds = {
  contraction: { enabled: true, lookbackDays: 90, minDropShare: 0 },
  noExpansion: { enabled: true, months: 9 },
};

export const revenueThresholdsSetting = defineSetting({
  key: 'revenue.signals',
  schema: revenueThresholdsSchema,
  defaultValue: DEFAULT_REVENUE_THRESHOLDS,
});
