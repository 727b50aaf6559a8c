import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const teamTraitSchema = z.object({
  traitKey: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\s]+$/, 'one word, as the identify call names it')
    .describe(
      'The identify trait (Segment traits, PostHog person properties or $set) that names a product user’s team or ' +
        'department, kept per user as identify calls arrive',
    ),
});
export type TeamTrait = z.infer<typeof teamTraitSchema>;

/** Which identify trait names a product user's team or department (per workspace). */
export const teamTraitSetting = defineSetting({
  key: 'usage.team-trait',
  schema: teamTraitSchema,
  defaultValue: { traitKey: 'department' },
});
