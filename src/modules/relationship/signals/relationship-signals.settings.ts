/** The thresholds of the relationship signals (DESIGN §4, stages 3 and 6), configurable per workspace; each rule can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

const days = z.number().int().min(1).max(730);

export const relationshipThresholdsSchema = z.object({
  /** An executive sponsor with no touch for `days` or more. */
  sponsorUntouched: z.object({ enabled: z.boolean(), days }),
  /** The latest NPS of a sponsor or champion at or below `maxScore`. */
  detractor: z.object({ enabled: z.boolean(), maxScore: z.number().int().min(0).max(9) }),
  /** A touch with finance, procurement or legal in the last `lookbackDays` while the account is in delivery. */
  financeInDelivery: z.object({ enabled: z.boolean(), lookbackDays: days }),
  /** Touches in the last `recentDays` above `factor` × the usual count per `recentDays` over `baselineDays` before. */
  touchSurge: z.object({
    enabled: z.boolean(),
    recentDays: z.number().int().min(1).max(90),
    baselineDays: days,
    factor: z.number().min(1).max(100),
    minTouches: z.number().int().min(1).max(10_000),
  }),
});
export type RelationshipThresholds = z.infer<typeof relationshipThresholdsSchema>;

export const DEFAULT_RELATIONSHIP_THRESHOLDS: RelationshipThresholds = {
  sponsorUntouched: { enabled: true, days: 60 },
  detractor: { enabled: true, maxScore: 6 },
  financeInDelivery: { enabled: true, lookbackDays: 30 },
  touchSurge: { enabled: true, recentDays: 14, baselineDays: 90, factor: 2, minTouches: 6 },
};

export const relationshipThresholdsSetting = defineSetting({
  key: 'relationship.signals',
  schema: relationshipThresholdsSchema,
  defaultValue: DEFAULT_RELATIONSHIP_THRESHOLDS,
});
