/** The thresholds of the at-risk renewal signal (DESIGN §4, stage 6), configurable per workspace; it can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const renewalThresholdsSchema = z.object({
  /**
   * A renewal within `withinDays` and either a health score below `maxHealthScore` or churn risk in deciles 1 to
   * `maxDecile` (decile 1 is the riskiest tenth, so 3 is the riskiest 30 %). Values saved before the health
   * threshold existed take its default.
   */
  atRiskRenewal: z.object({
    enabled: z.boolean(),
    withinDays: z.number().int().min(1).max(730),
    maxDecile: z.number().int().min(1).max(10),
    maxHealthScore: z.number().int().min(1).max(100).default(40),
  }),
});
export type RenewalThresholds = z.infer<typeof renewalThresholdsSchema>;

export const DEFAULT_RENEWAL_THRESHOLDS: RenewalThresholds = {
  atRiskRenewal: { enabled: true, withinDays: 120, maxDecile: 3, maxHealthScore: 40 },
};

export const renewalThresholdsSetting = defineSetting({
  key: 'health.renewal-signals',
  schema: renewalThresholdsSchema,
  defaultValue: DEFAULT_RENEWAL_THRESHOLDS,
});
