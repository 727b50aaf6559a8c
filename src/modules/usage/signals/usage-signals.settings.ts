/** The thresholds of the usage, release and integration signals (DESIGN §4), configurable per workspace. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

const share = z.number().min(0).max(1);
const days = z.number().int().min(1).max(365);
const count = z.number().int().min(0).max(1_000_000);

export const usageThresholdsSchema = z.object({
  lowActiveUsers: z.object({ minRate: share, liveDays: days }),
  concentration: z.object({ topUsers: z.number().int().min(1).max(20), maxShare: share, minEvents: count }),
  decline: z.object({ dropPct: z.number().min(0).max(100), minPreviousUsers: count }),
  knowledge: z.object({ inactiveDays: days, topUsers: z.number().int().min(1).max(20), lookbackDays: days }),
  volume: z.object({
    changePct: z.number().min(0).max(1000),
    baselineWeeks: z.number().int().min(1).max(26),
    minBaselineWeekly: count,
  }),
  release: z.object({ afterDays: days, minShare: share, minAccounts: count }),
  integration: z.object({
    spikeFactor: z.number().min(1).max(100),
    baselineDays: days,
    minReports: count,
    minErrors: count,
    noSyncDays: days,
  }),
});
export type UsageThresholds = z.infer<typeof usageThresholdsSchema>;

export const DEFAULT_USAGE_THRESHOLDS: UsageThresholds = {
  lowActiveUsers: { minRate: 0.4, liveDays: 60 },
  concentration: { topUsers: 3, maxShare: 0.6, minEvents: 20 },
  decline: { dropPct: 20, minPreviousUsers: 3 },
  knowledge: { inactiveDays: 30, topUsers: 3, lookbackDays: 90 },
  volume: { changePct: 40, baselineWeeks: 8, minBaselineWeekly: 20 },
  release: { afterDays: 60, minShare: 0.2, minAccounts: 3 },
  integration: { spikeFactor: 3, baselineDays: 28, minReports: 10, minErrors: 3, noSyncDays: 7 },
};

export const usageThresholdsSetting = defineSetting({
  key: 'usage.signals',
  schema: usageThresholdsSchema,
  defaultValue: DEFAULT_USAGE_THRESHOLDS,
});
