/** The relationship API's shapes, named once for the routes and the API document. */
import { z } from 'zod';
import { externalId, refId } from '../../platform/http/references.ts';
import { SURVEY_KINDS } from './sentiment.ts';
import { DIRECTIONS, TOUCH_KINDS } from './touch.ts';

const moment = z.iso.datetime({ offset: true });

export const surveyItem = z.object({
  accountId: refId('account', 'The account; the contact’s account when left out').nullable().optional(),
  contactId: refId('contact', 'The stakeholder who answered').nullable().optional(),
  contactEmail: z.email().max(254).nullable().optional().describe('Who answered, when no contact id is given'),
  kind: z.enum(SURVEY_KINDS).describe('nps (0–10) or csat (1–5)'),
  score: z.number().int().describe('NPS 0–10, CSAT 1–5'),
  comment: z.string().trim().max(5000).nullable().optional(),
  respondedAt: moment.describe('When the answer was given, ISO-8601 with a time zone; never in the future'),
  milestone: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .describe('The project milestone the survey followed (its name or id)'),
  externalId: externalId(
    z.string().trim().min(1).max(200),
    'the answer’s id in the survey tool: sending it again changes nothing',
  )
    .nullable()
    .optional(),
});

/**
 * One item's fields, or `items` (a batch of up to 1,000, all recorded or none), never both: a refusal names the
 * field as sent, `body.score` or `body.items.2.score`.
 */
function oneOrBatch<S extends z.ZodRawShape>(item: z.ZodObject<S>, what: string) {
  return item
    .partial()
    .extend({ items: z.array(item).min(1).max(1000).optional().describe(`A batch of ${what}s, all recorded or none`) })
    .superRefine((body, ctx) => {
      const { items, ...one } = body as { items?: unknown[] } & Record<string, unknown>;
      // A batch with fields of one item beside it is refused by the route, after the ids were checked.
      if (items) return;
      for (const issue of item.safeParse(one).error?.issues ?? [])
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    });
}

export const surveyBody = oneOrBatch(surveyItem, 'answer').describe(
  'One answer, or a batch of up to 1,000 as `items` (all recorded or none)',
);

export const surveyResponseSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  contactId: z.string().nullable(),
  contactEmail: z.string().nullable(),
  kind: z.enum(SURVEY_KINDS),
  score: z.number(),
  rating: z.enum(['promoter', 'passive', 'detractor', 'satisfied', 'unsatisfied']),
  comment: z.string().nullable(),
  respondedAt: z.string(),
  milestone: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});

export const touchItem = z.object({
  accountId: refId('account', 'The account; found from its people when left out').nullable().optional(),
  kind: z.enum(TOUCH_KINDS),
  occurredAt: moment.describe('When it happened, ISO-8601 with a time zone; never in the future'),
  contactIds: z.array(refId('contact', 'A stakeholder who took part')).max(100).optional(),
  emails: z.array(z.email().max(254)).max(100).optional().describe('People who took part, by email'),
  subject: z.string().trim().max(500).nullable().optional(),
  direction: z.enum(DIRECTIONS).nullable().optional().describe('Who reached out, when known'),
  source: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a short lower-case name, e.g. gmail, zoom')
    .optional()
    .describe('Where the touch was recorded; api when left out'),
  externalId: externalId(
    z.string().trim().min(1).max(200),
    'the activity’s id in its source: sending it again changes nothing',
  )
    .nullable()
    .optional(),
});

export const touchBody = oneOrBatch(touchItem, 'touch').describe(
  'One touch, or a batch of up to 1,000 as `items` (all recorded or none)',
);

export const touchSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(TOUCH_KINDS),
  occurredAt: z.string(),
  subject: z.string().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  source: z.string(),
  externalId: z.string().nullable(),
  contactIds: z.array(z.string()),
  emails: z.array(z.string()),
  createdAt: z.string(),
});

const npsFigures = z.object({
  nps: z.number().nullable().describe('% promoters (9–10) − % detractors (0–6); null without answers'),
  responses: z.number(),
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
});
const csatFigures = z.object({
  csat: z.number().nullable().describe('Share of answers 4–5, in %; null without answers'),
  responses: z.number(),
  satisfied: z.number(),
});
const figures = { nps: npsFigures, csat: csatFigures, sentence: z.string() };

export const sentimentSchema = z.object({
  from: z.string(),
  to: z.string(),
  portfolio: z.object(figures),
  accounts: z.array(z.object({ accountId: z.string(), account: z.string(), ...figures })),
});

const latest = z.object({ score: z.number(), respondedAt: z.string() });

export const stakeholdersSchema = z.object({
  accountId: z.string(),
  asOf: z.string(),
  stakeholders: z.array(
    z.object({
      contactId: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      email: z.string().nullable(),
      role: z.string(),
      roleLabel: z.string(),
      leftAt: z.string().nullable(),
      lastTouchAt: z.string().nullable(),
      daysSinceTouch: z.number().nullable(),
      nps: latest.extend({ rating: z.enum(['promoter', 'passive', 'detractor']) }).nullable(),
      csat: latest.nullable(),
    }),
  ),
  sentiment: z.object({ from: z.string(), to: z.string(), ...figures }),
});
