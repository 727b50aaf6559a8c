/** How the API answers a deal, shared with the routes whose answers include one (contract terms, a handoff brief). */
import { z } from 'zod';
import { JOURNEY_STATES, STAGE_CATEGORIES } from './deal.ts';
import { contractTermsSchema } from './terms/terms.schema.ts';

export const dealSchema = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  stage: z.string(),
  stageCategory: z.enum(STAGE_CATEGORIES),
  pipeline: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  closeDate: z.string().nullable(),
  signedDate: z.string().nullable(),
  createdDate: z.string().nullable(),
  owner: z.string().nullable(),
  products: z.array(z.string()),
  partnerName: z.string().nullable(),
  financeConfirmedAt: z.string().nullable(),
  journeyState: z.enum(JOURNEY_STATES),
  missing: z.array(z.enum(['won', 'signed', 'finance_confirmed'])),
  confirmedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  terms: contractTermsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
