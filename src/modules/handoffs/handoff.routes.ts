import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { accountSchema } from '../accounts/index.ts';
import { dealSchema } from '../deals/index.ts';
import { BRIEF_FIELDS, BRIEF_STATES, completenessConfigSchema } from './handoff.ts';
import {
  acceptBrief,
  answerClarification,
  askClarification,
  briefVersion,
  getBrief,
  listBriefs,
  returnBrief,
  submitBrief,
  updateBriefContent,
} from './handoff.service.ts';
import { completenessSetting } from './handoff.settings.ts';
import { getOwnership, handOver, OWNER_ROLES } from './ownership.service.ts';

const summarySchema = z.object({
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

const clarificationSchema = z.object({
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

const detailSchema = summarySchema.extend({
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

const ownershipSchema = z.object({
  accountId: z.string(),
  currentRole: z.enum(OWNER_ROLES),
  owners: z.record(z.string(), z.string().nullable()),
  handoffs: z.array(
    z.object({
      id: z.string(),
      fromRole: z.enum(OWNER_ROLES),
      toRole: z.enum(OWNER_ROLES),
      fromUserId: z.string().nullable(),
      toUserId: z.string().nullable(),
      briefId: z.string().nullable(),
      at: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

const note = z.string().trim().max(2000).optional();

export function handoffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/handoffs', {
    config: { access: 'handoffs:read' },
    schema: {
      tags: ['handoffs'],
      summary: 'Handoff briefs, most recently changed first, with counts per state (submitted = the delivery queue)',
      querystring: pageQuery.extend({
        state: z
          .string()
          .optional()
          .transform((v, c) => {
            if (!v) return undefined;
            const states = v.split(',').map((s) => s.trim());
            for (const s of states) {
              if (!(BRIEF_STATES as readonly string[]).includes(s)) {
                c.addIssue({ code: 'custom', message: `unknown state ${s}; use ${BRIEF_STATES.join(', ')}` });
                return z.NEVER;
              }
            }
            return states as Array<(typeof BRIEF_STATES)[number]>;
          })
          .describe(`Comma-separated states: ${BRIEF_STATES.join(', ')}`),
        accountId: z.string().max(100).optional(),
        dealId: z.string().max(100).optional().describe('The brief of one deal'),
        mine: z
          .enum(['true', 'false'])
          .optional()
          .describe('Only briefs where I am the account executive or the delivery lead'),
      }),
      response: { 200: page(summarySchema).extend({ counts: z.record(z.string(), z.number()) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { state, mine, ...rest } = request.query;
      const userId = mine === 'true' && principal.kind === 'user' ? principal.userId : undefined;
      return listBriefs(db, principal.workspaceId, { ...rest, states: state, userId });
    },
  });

  r.get('/api/v1/handoffs/:id', {
    config: { access: 'handoffs:read' },
    schema: {
      tags: ['handoffs'],
      summary: 'One brief with its deal, completeness by field, clarifications and history; the ETag is its version',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const brief = await getBrief(db, principalOf(request).workspaceId, request.params.id);
      return reply.header('etag', briefVersion(brief)).send(brief);
    },
  });

  r.put('/api/v1/handoffs/:id/content', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'Replace the brief’s fields (draft or returned briefs); send If-Match with its ETag',
      params: idParams,
      body: z.object({
        content: z.record(z.string(), z.unknown()),
        accountId: refId('account', 'The account the brief is for').nullable().optional(),
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const ifMatch = request.headers['if-match'];
      const brief = await db
        .transaction()
        .execute((trx) =>
          updateBriefContent(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body,
            typeof ifMatch === 'string' ? ifMatch : undefined,
          ),
        );
      return reply.header('etag', briefVersion(brief)).send(brief);
    },
  });

  r.post('/api/v1/handoffs/:id/submit', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'The account executive hands the brief to delivery (required fields must be filled)',
      params: idParams,
      body: z.object({ note }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          submitBrief(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body.note),
        );
    },
  });

  r.post('/api/v1/handoffs/:id/accept', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary: 'Delivery accepts the brief: the account passes from the account executive to the delivery lead',
      params: idParams,
      body: z.object({
        deliveryLeadUserId: refId('user', 'Who leads the delivery; a member of the workspace').nullable().optional(),
        note,
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          acceptBrief(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body),
        );
    },
  });

  r.post('/api/v1/handoffs/:id/return', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary: 'Delivery returns the brief to the account executive with the reasons',
      params: idParams,
      body: z.object({
        reasons: z.array(z.string().trim().min(1).max(1000)).min(1, 'say why the brief goes back').max(20),
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          returnBrief(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body.reasons,
          ),
        );
    },
  });

  r.post('/api/v1/handoffs/:id/clarifications', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary:
        'Log a question delivery had to ask; one about a field the brief already filled is a repeated requirement',
      params: idParams,
      body: z.object({
        field: z.enum(BRIEF_FIELDS).nullable().default(null),
        question: z.string().trim().min(1).max(2000),
      }),
      response: { 201: clarificationSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const c = await db
        .transaction()
        .execute((trx) =>
          askClarification(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body),
        );
      return reply.status(201).send(c);
    },
  });

  r.put('/api/v1/handoffs/:id/clarifications/:clarificationId', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'Answer a clarification',
      params: idParams.extend({ clarificationId: z.string().min(1).max(100) }),
      body: z.object({ answer: z.string().trim().min(1).max(4000) }),
      response: { 200: clarificationSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          answerClarification(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.params.clarificationId,
            request.body.answer,
          ),
        );
    },
  });

  r.get('/api/v1/settings/handoff-completeness', {
    config: { access: 'handoffs:read' },
    schema: {
      tags: ['handoffs'],
      summary: 'Brief fields’ weights and required fields per segment, and the signal threshold',
      response: { 200: completenessConfigSchema, ...errorResponses },
    },
    handler: async (request) => readSetting(db, principalOf(request).workspaceId, completenessSetting),
  });

  r.put('/api/v1/settings/handoff-completeness', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['handoffs'],
      summary: 'Change how briefs are scored',
      body: completenessConfigSchema,
      response: { 200: completenessConfigSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, request.id), principal.workspaceId, completenessSetting, request.body),
        );
    },
  });

  r.get('/api/v1/accounts/:id/ownership', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['accounts'],
      summary: 'Who owns the account now and each dated handoff (AE → delivery lead → CSM → account manager)',
      params: idParams,
      response: { 200: ownershipSchema, ...errorResponses },
    },
    handler: async (request) => getOwnership(db, scopeOf(principalOf(request)), request.params.id),
  });

  r.post('/api/v1/accounts/:id/ownership-handoffs', {
    config: { access: 'accounts:write' },
    schema: {
      tags: ['accounts'],
      summary: 'Hand the account to its next owner (delivery lead → CSM when live, CSM → account manager)',
      params: idParams,
      body: z.object({
        toRole: z.enum(['csm', 'account_manager']),
        toUserId: refId('user', 'The new owner; a member of the workspace'),
        note,
      }),
      response: { 200: ownershipSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          handOver(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
    },
  });
}
