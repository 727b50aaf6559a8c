/** The thresholds of the at-risk renewal signal (DESIGN §4, stage 6), configurable per workspace; it can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const renewalThresholdsSchema = z.object({
  /**
   * A renewal within `withinDays` and churn risk in deciles 1 to `maxDecile` (decile 1 is the riskiest tenth, so 3
   * is the riskiest 30 %). Health scores are not built yet: the churn-risk model stands for them.
   */
  atRiskRenewal: z.object({
    enabled: z.boolean(),
    withinDays: z.number().int().min(1).max(730),
    maxDecile: z.number().int().min(1).max(10),
  }),
});
export type RenewalThresholds = z.infer<typeof renewalThresholdsSchema>;

export const DEFAULT_RENEWAL_THRESHOLDS: RenewalThresholds = {
  atRiskRenewal: { enabled: true, withinDays: 120, maxDecile: 3 },
};

export const renewalThresholdsSetting = defineSetting({
  key: 'health.renewal-signals',
  schema: renewalThresholdsSchema,
  defaultValue: DEFAULT_RENEWAL_THRESHOLDS,
});
