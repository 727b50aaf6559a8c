/** The thresholds of the support-overload signals (DESIGN §4, stage 4), configurable per workspace; each can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const supportThresholdsSchema = z.object({
  /**
   * Tickets per 100 licensed seats in the first 30 days after go-live above `factor` × the workspace's median of
   * accounts whose first 30 days are over, with at least `minTickets`, for a go-live in the last `withinDays`.
   */
  surgeAfterGoLive: z.object({
    enabled: z.boolean(),
    factor: z.number().min(1).max(100),
    minTickets: z.number().int().min(1).max(10_000),
    withinDays: z.number().int().min(30).max(730),
  }),
  /**
   * More than `minShare` of the tickets of the last `lookbackDays` ask how to do something, of `minTickets` or
   * more.
   */
  howToHeavy: z.object({
    enabled: z.boolean(),
    lookbackDays: z.number().int().min(7).max(365),
    minShare: z.number().min(0).max(1),
    minTickets: z.number().int().min(1).max(10_000),
  }),
});
export type SupportThresholds = z.infer<typeof supportThresholdsSchema>;

export const DEFAULT_SUPPORT_THRESHOLDS: SupportThresholds = {
  surgeAfterGoLive: { enabled: true, factor: 2, minTickets: 5, withinDays: 120 },
  howToHeavy: { enabled: true, lookbackDays: 60, minShare: 0.5, minTickets: 6 },
};

export const supportThresholdsSetting = defineSetting({
  key: 'support.signals',
  schema: supportThresholdsSchema,
  defaultValue: DEFAULT_SUPPORT_THRESHOLDS,
});
