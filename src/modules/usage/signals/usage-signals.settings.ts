/** The thresholds of the usage, release and integration signals (DESIGN §4) per workspace; each rule can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

const share = z.number().min(0).max(1);
const days = z.number().int().min(1).max(365);
const count = z.number().int().min(0).max(1_000_000);
/** Each rule can be off; values stored before the switch existed read as on. */
const enabled = z.boolean().default(true);

export const usageThresholdsSchema = z.object({
  lowActiveUsers: z.object({ enabled, minRate: share, liveDays: days }),
  concentration: z.object({ enabled, topUsers: z.number().int().min(1).max(20), maxShare: share, minEvents: count }),
  decline: z.object({ enabled, dropPct: z.number().min(0).max(100), minPreviousUsers: count }),
  knowledge: z.object({ enabled, inactiveDays: days, topUsers: z.number().int().min(1).max(20), lookbackDays: days }),
  volume: z.object({
    enabled,
    changePct: z.number().min(0).max(1000),
    baselineWeeks: z.number().int().min(1).max(26),
    minBaselineWeekly: count,
  }),
  release: z.object({ enabled, afterDays: days, minShare: share, minAccounts: count }),
  integration: z.object({
    enabled,
    spikeFactor: z.number().min(1).max(100),
    baselineDays: days,
    minReports: count,
    minErrors: count,
    noSyncDays: days,
  }),
});
export type UsageThresholds = z.infer<typeof usageThresholdsSchema>;

export const DEFAULT_USAGE_THRESHOLDS: UsageThresholds = {
  lowActiveUsers: { enabled: true, minRate: 0.4, liveDays: 60 },
  concentration: { enabled: true, topUsers: 3, maxShare: 0.6, minEvents: 20 },
  decline: { enabled: true, dropPct: 20, minPreviousUsers: 3 },
  knowledge: { enabled: true, inactiveDays: 30, topUsers: 3, lookbackDays: 90 },
  volume: { enabled: true, changePct: 40, baselineWeeks: 8, minBaselineWeekly: 20 },
  release: { enabled: true, afterDays: 60, minShare: 0.2, minAccounts: 3 },
  integration: { enabled: true, spikeFactor: 3, baselineDays: 28, minReports: 10, minErrors: 3, noSyncDays: 7 },
};

export const usageThresholdsSetting = defineSetting({
  key: 'usage.signals',
  schema: usageThresholdsSchema,
  defaultValue: DEFAULT_USAGE_THRESHOLDS,
});

/** The rule each usage signal kind belongs to. */
export const USAGE_RULE_OF_KIND = {
  'adoption.low_active_users': 'lowActiveUsers',
  'adoption.concentrated_usage': 'concentration',
  'adoption.declining_usage': 'decline',
  'knowledge.key_user_inactive': 'knowledge',
  'business.volume_shift': 'volume',
  'release.underused_feature': 'release',
  'integration.error_spike': 'integration',
  'integration.no_recent_sync': 'integration',
} as const satisfies Record<string, keyof UsageThresholds>;

/** Whether the rule raising `kind` is on: a rule switched off raises nothing, and its open signals are resolved. */
export const usageRuleOn = (t: UsageThresholds, kind: keyof typeof USAGE_RULE_OF_KIND): boolean =>
  t[USAGE_RULE_OF_KIND[kind]].enabled;
