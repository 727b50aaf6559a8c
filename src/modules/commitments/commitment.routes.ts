import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, can, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery, problemSchema } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { COMMITMENT_STATUSES } from './commitment.ts';
import { createCommitment, deleteCommitment, updateCommitment } from './commitment-record.service.ts';
import { getCommitment, listCommitments } from './commitment.service.ts';
import { commitmentSchema, withHistory, withinDays } from './commitment.schemas.ts';
import { renewingAccountIds } from './exposure.service.ts';

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

/** The commitments ledger: listing, reading, recording, changing and deleting promises. */
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
}
