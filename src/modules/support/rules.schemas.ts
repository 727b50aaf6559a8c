import { z } from 'zod';
import { ticketRuleSchema } from './classify/rules.ts';

export const rulesBody = z.object({ rules: z.array(ticketRuleSchema).max(50) });
export const rulesSchema = z.object({
  rules: z.array(z.object({ category: z.string(), any: z.array(z.string()), field: z.string() })),
});
