import { z } from 'zod';
import { defineSetting } from '../../platform/settings/settings.service.ts';
import { DEFAULT_TICKET_RULES, ticketRuleSchema } from './classify/rules.ts';

const rulesSchema = z.object({ rules: z.array(ticketRuleSchema).max(50) });

/**
 * The workspace's keyword rules for tickets their help desk did not label: the first rule with a matching phrase
 * gives the category; tickets no rule matches are left to the trained model.
 */
export const ticketRulesSetting = defineSetting({
  key: 'support.ticket-rules',
  schema: rulesSchema,
  defaultValue: rulesSchema.parse({ rules: DEFAULT_TICKET_RULES }),
});
