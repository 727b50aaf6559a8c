/** How the API answers an account, shared with the modules whose answers include one (a handoff brief's). */
import { z } from 'zod';
import { LIFECYCLE_PHASES, REGIONS, SEGMENTS } from './account.ts';

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  segment: z
    .enum(SEGMENTS)
    .nullable()
    .describe('null: none given yet (an account imported from a file without segments); set it with PATCH'),
  industry: z.string().nullable(),
  region: z.enum(REGIONS).nullable(),
  country: z.string().nullable(),
  lifecyclePhase: z.enum(LIFECYCLE_PHASES),
  renewalDate: z.string().nullable(),
  aeUserId: z.string().nullable(),
  deliveryLeadUserId: z.string().nullable(),
  csmUserId: z.string().nullable(),
  accountManagerUserId: z.string().nullable(),
  partnerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
