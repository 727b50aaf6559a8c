import { z } from 'zod';
import { pageQuery } from '../../platform/http/schemas.ts';
import { LABEL_SOURCES, TICKET_CATEGORIES } from './classify/categories.ts';

export const ticketSchema = z
  .object({
    id: z.string(),
    accountId: z.string().nullable(),
    source: z.string(),
    externalId: z.string(),
    subject: z.string().nullable(),
    description: z.string().nullable(),
    status: z.string().nullable(),
    priority: z.string().nullable(),
    category: z.enum(TICKET_CATEGORIES).nullable(),
    categorySource: z.enum(LABEL_SOURCES).nullable(),
    channel: z.string().nullable(),
    requesterEmail: z.string().nullable(),
    organization: z.string().nullable(),
    accountExternalId: z.string().nullable(),
    assignee: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    firstResponseAt: z.string().nullable(),
    solvedAt: z.string().nullable(),
    satisfaction: z.string().nullable(),
    updatedAt: z.string().nullable(),
    reopens: z.number().nullable().optional().describe('Times it left solved again, where its source tells'),
  })
  .describe('A support ticket, its account (null while unmatched) and its category with who gave it');

export const ticketDetailSchema = ticketSchema
  .extend({
    history: z
      .array(z.object({ status: z.string(), at: z.string() }))
      .describe('Its status changes in time order (from an event log or webhooks; empty when none were kept)'),
  })
  .describe('A support ticket with its status history');

export const ticketListQuery = pageQuery.extend({
  account: z.string().max(100).optional().describe('Only this account’s tickets'),
  category: z.enum(TICKET_CATEGORIES).optional(),
  status: z.string().max(100).optional(),
  unmatched: z.enum(['true', 'false']).optional().describe('true: only tickets no account was found for'),
});

export const correctionBody = z.object({
  category: z.enum(TICKET_CATEGORIES).describe('The category a person gives the ticket; trains the next fit'),
});

const classMetrics = z.object({ precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() });

export const modelSchema = z.object({
  model: z
    .object({
      trainedAt: z.string(),
      n: z.number().describe('Labelled tickets (by the help desk or a person) it was trained on'),
      folds: z.number(),
      accuracy: z.number().describe('Cross-validated share of labelled tickets it labels right'),
      macroF1: z.number().describe('Cross-validated F1 averaged over the categories, each counting alike'),
      perClass: z.record(z.string(), classMetrics),
    })
    .nullable()
    .describe('The last fit, or null before the first'),
});

export const trainQueuedSchema = z.object({ jobId: z.string(), state: z.literal('queued') });

export const loadSchema = z
  .object({
    goLive: z.string().nullable().describe('The account’s first go-live (delivery), null when none is recorded'),
    seats: z.number().nullable().describe('Licensed seats (adoption)'),
    windows: z.array(
      z.object({
        days: z.number(),
        tickets: z.number(),
        per100Seats: z.number().nullable().describe('Tickets in the window per 100 licensed seats'),
        complete: z.boolean().describe('false while the window has not ended yet'),
      }),
    ),
    tickets: z.number().describe('Tickets in the 90 days after go-live (all tickets without a go-live)'),
    howToShare: z.number().nullable(),
    medianFirstResponseHours: z.number().nullable(),
    medianResolutionHours: z.number().nullable(),
    slaBreaches: z
      .number()
      .describe('Tickets whose first response came, or is still missing, past their priority’s first-response target'),
    resolutionBreaches: z
      .number()
      .describe(
        'Tickets solved later than their priority’s resolution target, or still open past it now (a solved or ' +
          'closed ticket without a solving time is not measured)',
      ),
    resolutionBreachesOpen: z.number().describe('Of the resolution breaches, the tickets still open'),
    escalations: z.number().describe('Tickets tagged as escalated'),
    reopened: z.number().nullable().describe('Tickets reopened after being solved; null when no source tells'),
    csat: z.number().nullable().describe('Of the tickets rated, the share rated good (4–5 of 5); null with none'),
    rated: z.number().describe('Tickets with a satisfaction rating'),
    sentence: z.string(),
  })
  .describe('An account’s support load after go-live (DESIGN §5)');

export const slaSchema = z
  .object({
    firstResponseHours: z
      .record(z.string(), z.number())
      .describe('Hours from opening to a first response, per priority'),
    resolutionHours: z.record(z.string(), z.number()).describe('Hours from opening to solving, per priority'),
  })
  .describe(
    'Hours promised per ticket priority to a first response and to a resolution; `normal` covers the priorities ' +
      'not listed (defaults: first response urgent 1, high 4, normal 8, low 24; resolution urgent 8, high 24, ' +
      'normal 72, low 120)',
  );

export const loadsSchema = z.object({
  items: z.array(loadSchema.extend({ accountId: z.string(), accountName: z.string() })),
  slaTargets: slaSchema,
});

export const trendQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(104).default(12).describe('Weeks to show, the current one last'),
});

const weekCounts = Object.fromEntries([...TICKET_CATEGORIES, 'unlabelled'].map((c) => [c, z.number()])) as Record<
  (typeof TICKET_CATEGORIES)[number] | 'unlabelled',
  z.ZodNumber
>;

export const trendSchema = z.object({
  weeks: z.array(
    z
      .object({ week: z.string().describe('The week’s Monday'), total: z.number(), ...weekCounts })
      .describe('Tickets opened that week, by category'),
  ),
});

export const rulesPreviewSchema = z.object({
  rules: z.array(
    z.object({
      rule: z.number().describe('The rule’s place in the list, from 0'),
      category: z.string(),
      labels: z.number().describe('Tickets it would label (the first matching rule wins)'),
      changes: z.number().describe('Of those, tickets whose category would change'),
    }),
  ),
  considered: z.number().describe('Tickets rules may label: not labelled by their help desk or a person'),
  unmatched: z.number().describe('Of those, tickets no rule matches, left to the model'),
  kept: z.number().describe('Tickets kept as their help desk or a person labelled them'),
});
