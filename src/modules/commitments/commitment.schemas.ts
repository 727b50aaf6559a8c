/** How the API answers a promise of the ledger, with and without its history of product's status. */
import { z } from 'zod';
import { COMMITMENT_STATUSES, STRENGTHS } from './commitment.ts';

const actorRef = z.object({ userId: z.string().nullable(), label: z.string() });

export const commitmentSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  dealId: z.string().nullable(),
  dealName: z.string().nullable(),
  what: z.string(),
  toContactId: z.string().nullable(),
  toName: z.string(),
  words: z.string(),
  strength: z.enum(STRENGTHS),
  matchedPhrase: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  dueDate: z.string().nullable(),
  roadmapItem: z.string().nullable(),
  madeBy: actorRef,
  madeOn: z.string(),
  exposed: z.boolean(),
  exposure: z.string().nullable().describe('Why the promise is exposed'),
  overdue: z.boolean(),
  daysOverdue: z.number().nullable(),
  unscoped: z.boolean().describe('Not reviewed by product, or open with no due date'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const historySchema = z.array(
  z.object({
    id: z.string(),
    from: z.enum(COMMITMENT_STATUSES).nullable(),
    to: z.enum(COMMITMENT_STATUSES),
    note: z.string().nullable(),
    changedBy: actorRef,
    changedAt: z.string(),
  }),
);

export const withHistory = commitmentSchema.extend({ history: historySchema });

/** How many days ahead a renewal counts as soon. */
export const withinDays = z.coerce.number().int().min(0).max(730);
