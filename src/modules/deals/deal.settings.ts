import { z } from 'zod';
import { defineSetting } from '../../platform/settings/settings.service.ts';
import { DEFAULT_GUARD } from './deal.ts';

/** Which conditions, besides the win, a deal needs before it enters the post-sale journey. */
export const guardSetting = defineSetting({
  key: 'deals.guard',
  schema: z.object({
    signed: z.boolean().describe('the contract is signed (a signed date is known)'),
    financeConfirmed: z.boolean().describe('finance confirmed the booking'),
  }),
  defaultValue: DEFAULT_GUARD,
});
