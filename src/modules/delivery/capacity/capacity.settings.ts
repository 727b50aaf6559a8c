import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

/** The workspace's capacity planning defaults: the strategic buffer kept free of planned work, and the horizon. */
export const capacitySettingsSchema = z.object({
  bufferPct: z.number().min(0).max(0.9).describe('Share of capacity kept free of planned work (0–0.9)'),
  weeks: z.number().int().min(1).max(52).describe('Weeks the plan looks ahead'),
});
export type CapacitySettings = z.infer<typeof capacitySettingsSchema>;

export const CAPACITY_SETTINGS = defineSetting({ key: 'delivery.capacity', schema: capacitySettingsSchema, defaultValue: { bufferPct: 0.15, weeks: 12 } as CapacitySettings });
