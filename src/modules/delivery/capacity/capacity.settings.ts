import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

import { STALE_DEAL_TREATMENTS, type StaleDealTreatment } from './capacity.ts';

export { STALE_DEAL_TREATMENTS, type StaleDealTreatment };

/** The workspace's capacity planning defaults: the strategic buffer kept free of planned work, the horizon, and stale deals. */
export const capacitySettingsSchema = z.object({
  bufferPct: z.number().min(0).max(0.9).describe('Share of capacity kept free of planned work (0–0.9)'),
  weeks: z.number().int().min(1).max(52).describe('Weeks the plan looks ahead'),
  staleDeals: z
    .enum(STALE_DEAL_TREATMENTS)
    .default('exclude')
    .describe(
      'Open deals past their close date (by more than staleAfterDays): left out of the plan and listed as stale (exclude, the default), or counted as starting today',
    ),
  staleAfterDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(0)
    .describe('Days past its close date after which an open deal is stale (0: the day after)'),
});
export type CapacitySettings = z.infer<typeof capacitySettingsSchema>;

export const CAPACITY_SETTINGS = defineSetting({
  key: 'delivery.capacity',
  schema: capacitySettingsSchema,
  defaultValue: { bufferPct: 0.15, weeks: 12, staleDeals: 'exclude', staleAfterDays: 0 } as CapacitySettings,
});
