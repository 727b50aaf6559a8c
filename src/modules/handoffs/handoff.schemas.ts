/** How the API answers a handoff brief: in lists, whole, and its clarifications. */
import { z } from 'zod';
import { accountSchema } from '../accounts/index.ts';
import { dealSchema } from '../deals/index.ts';
import { BRIEF_FIELDS, BRIEF_STATES } from './handoff.ts';

export const summarySchema = z.object({
  id: z.string(),
  dealId: z.string(),
  dealName: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  signedDate: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  state: z.enum(BRIEF_STATES),
  completeness: z.number(),
  aeUserId: z.string().nullable(),
  deliveryLeadUserId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReasons: z.array(z.string()),
  dealReopenedAt: z.string().nullable(),
  promisedGoLive: z.string().nullable().describe('The go-live promised to the customer, as the brief says it'),
  openClarifications: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const clarificationSchema = z.object({
  id: z.string(),
  field: z.enum(BRIEF_FIELDS).nullable(),
  question: z.string(),
  repeated: z.boolean(),
  askedBy: z.string().nullable(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const detailSchema = summarySchema.extend({
  content: z.record(z.string(), z.unknown()),
  projectId: z.string().nullable().describe('The delivery project the accepted brief started'),
  score: z.object({
    completeness: z.number(),
    threshold: z.number(),
    fields: z.array(
      z.object({
        field: z.enum(BRIEF_FIELDS),
        label: z.string(),
        weight: z.number(),
        required: z.boolean(),
        status: z.enum(['filled', 'partial', 'empty']),
        hint: z.string().nullable(),
      }),
    ),
    missingRequired: z.array(z.enum(BRIEF_FIELDS)),
  }),
  deal: dealSchema,
  account: accountSchema.nullable(),
  clarifications: z.array(clarificationSchema),
  events: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      from: z.enum(BRIEF_STATES).nullable(),
      to: z.enum(BRIEF_STATES),
      completeness: z.number(),
      note: z.string().nullable(),
    }),
  ),
});

/** A note said with a change of state. */
export const note = z.string().trim().max(2000).optional();
