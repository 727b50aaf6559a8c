import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

/** Fewer days than this would let a client's ordinary retries (minutes to hours later) be stored twice. */
export const MIN_RAW_EVENT_DAYS = 7;
export const DEFAULT_RAW_EVENT_DAYS = 90;

export const retentionSchema = z.object({
  rawEventDays: z
    .number()
    .int()
    .min(MIN_RAW_EVENT_DAYS)
    .max(3650)
    .describe(
      'Days raw usage events are kept after they were received (an event id received before the window is no longer deduplicated if sent again); daily rollups are kept for good',
    ),
});
export type Retention = z.infer<typeof retentionSchema>;

/** How long raw usage events are kept (per workspace). */
export const retentionSetting = defineSetting({
  key: 'usage.retention',
  schema: retentionSchema,
  defaultValue: { rawEventDays: DEFAULT_RAW_EVENT_DAYS },
});
