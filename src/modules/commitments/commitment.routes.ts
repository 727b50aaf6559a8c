import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, can, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery, problemSchema } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { classifyWords, COMMITMENT_STATUSES, COVERING_STATUS, STRENGTHS } from './commitment.ts';
import {
  createCommitment,
  deleteCommitment,
  getCommitment,
  listCommitments,
  setCommitmentStatus,
  updateCommitment,
} from './commitment.service.ts';
import { commitmentExposure, renewingAccountIds } from './exposure.service.ts';
import { DEFAULT_RENEWAL_WINDOW_DAYS } from './exposure-report.ts';

const actorRef = z.object({ userId: z.string().nullable(), label: z.string() });

const commitmentSchema = z.object({
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

const withHistory = commitmentSchema.extend({ history: historySchema });

const what = z.string().trim().min(1).max(2000);
const words = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe('The words used with the customer, e.g. "coming soon", "committed by Q3"');
const toName = z.string().trim().max(200).nullable().optional().describe('To whom, when not a contact of the account');
const roadmapItem = z.string().trim().max(500).nullable().optional().describe('The roadmap item, as text or a URL');

const createBody = z.object({
  accountId: refId('account'),
  dealId: refId('deal').nullable().optional(),
  what,
  toContactId: refId('contact', 'A stakeholder of the account').nullable().optional(),
  toName,
  words,
  dueDate: isoDate.nullable().optional(),
  roadmapItem,
  madeByUserId: refId('user', 'Who made the promise; the signed-in user when left out').nullable().optional(),
  madeOn: isoDate.optional().describe('When the promise was made; today when left out'),
});

const patchBody = z
  .object({
    what: what.optional(),
    toContactId: refId('contact', 'A stakeholder of the account').nullable().optional(),
    toName,
    words: words.optional(),
    dueDate: isoDate.nullable().optional(),
    roadmapItem,
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'send at least one field to change');

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const statusList = z
  .string()
  .optional()
  .transform((v, c) => {
    const statuses = v ? v.split(',').map((s) => s.trim()) : [];
    const bad = statuses.find((s) => !(COMMITMENT_STATUSES as readonly string[]).includes(s));
    if (bad) c.addIssue({ code: 'custom', message: `unknown status ${bad}; use ${COMMITMENT_STATUSES.join(', ')}` });
    return statuses as Array<(typeof COMMITMENT_STATUSES)[number]>;
  })
  .describe(`Comma-separated product statuses: ${COMMITMENT_STATUSES.join(', ')}`);

const withinDays = z.coerce.number().int().min(0).max(730);

const exposureRow = z.object({
  commitmentId: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  what: z.string(),
  words: z.string(),
  strength: z.enum(STRENGTHS),
  matchedPhrase: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  dueDate: z.string().nullable(),
  daysOverdue: z.number().nullable(),
  renewalDate: z.string().nullable(),
  daysToRenewal: z.number().nullable(),
  reason: z.string(),
});

const exposureSection = z.object({
  count: z.number(),
  accounts: z.number(),
  byStatus: z.record(z.enum(COMMITMENT_STATUSES), z.number()),
  rows: z.array(exposureRow),
});

const exposureReportSchema = z.object({
  today: z.string(),
  withinDays: z.number(),
  totals: z.object({ commitments: z.number(), open: z.number(), listed: z.number(), accounts: z.number() }),
  exposed: exposureSection,
  overdue: exposureSection,
  renewing: exposureSection,
});

export function commitmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;

  r.get('/api/v1/commitments', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments'],
      summary: 'The commitments ledger, most recent promise first, with counts of exposed and overdue promises',
      querystring: pageQuery.extend({
        account: z.string().max(100).optional().describe('Account id'),
        deal: z.string().max(100).optional().describe('Deal id'),
        status: statusList,
        exposed: flag.optional().describe("true: product's status is weaker than the words used"),
        overdue: flag.optional().describe('true: the due date has passed and it is not shipped'),
        renewingWithinDays: withinDays
          .optional()
          .describe('Only open promises on accounts renewing within this many days'),
        q: z.string().trim().max(200).optional().describe('Part of what was promised, the words or to whom'),
      }),
      response: {
        200: page(commitmentSchema).extend({
          total: z.number(),
          counts: z.object({ all: z.number(), exposed: z.number(), overdue: z.number() }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = scopeOf(principalOf(request));
      const { account, deal, status, renewingWithinDays, ...rest } = request.query;
      const accountIds =
        renewingWithinDays === undefined ? undefined : await renewingAccountIds(db, caps, scope, renewingWithinDays);
      return listCommitments(db, caps, scope, {
        ...rest,
        accountId: account,
        dealId: deal,
        statuses: status,
        accountIds,
        open: renewingWithinDays === undefined ? undefined : true,
      });
    },
  });

  r.get('/api/v1/commitments/classify', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments'],
      summary:
        'How Baton reads the words of a promise: their strength, the phrase that decided it, and the status they need',
      querystring: z.object({ words: z.string().trim().min(1).max(500) }),
      response: {
        200: z.object({
          strength: z.enum(STRENGTHS),
          phrase: z.string().nullable(),
          rule: z.string(),
          matches: z.array(z.object({ phrase: z.string(), strength: z.enum(STRENGTHS), rule: z.string() })),
          needs: z.enum(COMMITMENT_STATUSES).nullable().describe('The weakest status that keeps such words covered'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const reading = classifyWords(request.query.words);
      return { ...reading, needs: COVERING_STATUS[reading.strength] };
    },
  });

  r.get('/api/v1/commitments/:id', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments'],
      summary: "One promise with the history of product's status",
      params: idParams,
      response: { 200: withHistory, ...errorResponses },
    },
    handler: async (request) => getCommitment(db, scopeOf(principalOf(request)), request.params.id),
  });

  r.post('/api/v1/commitments', {
    config: { access: 'commitments:write', idempotent: true },
    schema: {
      tags: ['commitments'],
      summary: 'Record a promise made to a customer; it starts as not reviewed by product',
      body: createBody,
      response: { 201: commitmentSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) => createCommitment(trx, actorOf(principal, request.id), scopeOf(principal), request.body));
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/commitments/:id', {
    config: { access: 'commitments:write' },
    schema: {
      tags: ['commitments'],
      summary:
        'Change what was promised, to whom, the words or the due date (after review, words and date need commitments:review)',
      params: idParams,
      body: patchBody,
      response: { 200: commitmentSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const mayReview = can(principal, 'commitments:review');
      return db
        .transaction()
        .execute((trx) =>
          updateCommitment(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            mayReview,
          ),
        );
    },
  });

  r.put('/api/v1/commitments/:id/status', {
    config: { access: 'commitments:review' },
    schema: {
      tags: ['commitments'],
      summary: "Product's status of a promise, with a note; every change is kept in its history",
      params: idParams,
      body: z.object({ status: z.enum(COMMITMENT_STATUSES), note: z.string().trim().max(1000).nullable().optional() }),
      response: { 200: withHistory, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          setCommitmentStatus(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
    },
  });

  r.delete('/api/v1/commitments/:id', {
    config: { access: 'commitments:write' },
    schema: {
      tags: ['commitments'],
      summary: 'Delete a promise recorded by mistake: only while product has not reviewed it (409 after)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) => deleteCommitment(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/reports/commitment-exposure', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments', 'reports'],
      summary: 'Promises at risk: exposed (status weaker than the words), overdue, and open on accounts renewing soon',
      querystring: z.object({
        withinDays: withinDays
          .default(DEFAULT_RENEWAL_WINDOW_DAYS)
          .describe('The renewal window, in days (default 180)'),
      }),
      response: { 200: exposureReportSchema, ...errorResponses },
    },
    handler: async (request) =>
      commitmentExposure(db, caps, scopeOf(principalOf(request)), { withinDays: request.query.withinDays }),
  });
}
