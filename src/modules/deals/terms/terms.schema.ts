import { z } from 'zod';
import { PRICING_MODELS } from './contract-terms.ts';

/** A deal's contract terms as the API answers them. */
export const contractTermsSchema = z.object({
  pricingModel: z
    .string()
    .nullable()
    .describe(`${PRICING_MODELS.join(', ')}, or the CRM's own wording normalised`),
  billingTerms: z.string().nullable().describe('e.g. "annual upfront, net 30"'),
  discountPct: z.number().nullable().describe('Discount off list price, percent'),
  nonStandardClauses: z.array(z.string()).describe('Clause tags, e.g. custom_sla, mfn, termination_for_convenience'),
  servicesSold: z.number().nullable().describe("Professional services sold, in the deal's currency"),
});
