import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page } from '../../platform/http/schemas.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';
import { rulesBody, rulesSchema } from './rules.schemas.ts';
import { previewTicketRules, readTicketRules, writeTicketRules } from './rules.service.ts';
import { accountSupportLoad, workspaceSupportLoads } from './load.service.ts';
import { readSlaTargets, writeSlaTargets } from './sla.service.ts';
import { slaTargetsBody } from './support.settings.ts';
import { ticketTrend } from './trend.service.ts';
import { assertTrainable, modelFigures } from './model.service.ts';
import {
  correctionBody,
  loadSchema,
  loadsSchema,
  modelSchema,
  rulesPreviewSchema,
  slaSchema,
  trendQuery,
  trendSchema,
  ticketListQuery,
  ticketDetailSchema,
  ticketSchema,
  trainQueuedSchema,
} from './support.schemas.ts';
import { correctCategory, getTicketWithHistory, listTickets } from './ticket.service.ts';

/** Tickets, a person's correction of a ticket's category, and the ticket classifier's last fit. */
export function supportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  r.get('/api/v1/support/tickets', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'Tickets, newest first: of one account, a category, a status, or those no account was found for',
      querystring: ticketListQuery,
      response: { 200: page(ticketSchema), ...errorResponses },
    },
    handler: async (request) => {
      const q = request.query;
      return listTickets(db, ws(request), {
        accountId: q.account,
        category: q.category,
        status: q.status,
        unmatched: q.unmatched === 'true',
        limit: q.limit,
        cursor: q.cursor,
      });
    },
  });

  r.get('/api/v1/support/tickets/:id', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'One ticket with its status history',
      params: idParams,
      response: { 200: ticketDetailSchema, ...errorResponses },
    },
    handler: async (request) => getTicketWithHistory(db, ws(request), request.params.id),
  });

  r.patch('/api/v1/support/tickets/:id', {
    config: { access: 'support:write' },
    schema: {
      tags: ['support'],
      summary: 'Correct a ticket’s category: kept over rules, the model and later imports, and trains the next fit',
      params: idParams,
      body: correctionBody,
      response: { 200: ticketSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          correctCategory(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body.category,
          ),
        );
    },
  });

  r.get('/api/v1/support/model', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'The ticket classifier’s last fit: labelled tickets, 5-fold cross-validated accuracy and macro F1',
      response: { 200: modelSchema, ...errorResponses },
    },
    handler: async (request) => ({ model: await modelFigures(db, ws(request)) }),
  });

  r.post('/api/v1/support/model/train', {
    config: { access: 'support:write' },
    schema: {
      tags: ['support'],
      summary:
        'Queue the training of the ticket classifier on the tickets labelled by the help desk or a person; it then ' +
        'labels the others',
      response: { 202: trainQueuedSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const workspaceId = ws(request);
      await assertTrainable(db, workspaceId);
      const job = await queueJob(db, 'support.train', {}, { workspaceId, runAt: ctx.now() });
      return reply.code(202).send({ jobId: job.id, state: 'queued' as const });
    },
  });

  r.get('/api/v1/support/accounts/:id/load', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary:
        'An account’s support load: tickets in the 30/60/90 days after go-live per 100 licensed seats, how-to ' +
        'share, median first-response and resolution hours',
      params: idParams,
      response: { 200: loadSchema, ...errorResponses },
    },
    handler: async (request) => accountSupportLoad(db, ws(request), request.params.id, ctx.now()),
  });

  r.get('/api/v1/support/loads', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary:
        'Every account’s support load (accounts live or with tickets): tickets per 100 seats after go-live, how-to ' +
        'share, response and resolution, first-response and resolution breaches, escalations, reopens, CSAT',
      response: { 200: loadsSchema, ...errorResponses },
    },
    handler: async (request) => workspaceSupportLoads(db, ws(request), ctx.now()),
  });

  r.get('/api/v1/support/trend', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'Tickets opened per week by category, Monday to Sunday (UTC), the current week last',
      querystring: trendQuery,
      response: { 200: trendSchema, ...errorResponses },
    },
    handler: async (request) => ({ weeks: await ticketTrend(db, ws(request), ctx.now(), request.query.weeks) }),
  });

  r.get('/api/v1/support/sla', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary:
        'The targets per ticket priority, to a first response and to a resolution, that SLA breaches are counted ' +
        'against',
      response: { 200: slaSchema, ...errorResponses },
    },
    handler: async (request) => readSlaTargets(db, ws(request)),
  });

  r.put('/api/v1/support/sla', {
    config: { access: 'support:write' },
    schema: {
      tags: ['support'],
      summary:
        'Replace the targets per ticket priority to a first response and to a resolution (the resolution ones stay ' +
        'when left out)',
      body: slaTargetsBody,
      response: { 200: slaSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) => writeSlaTargets(trx, actorOf(principal, request.id), principal.workspaceId, request.body));
    },
  });

  r.get('/api/v1/support/rules', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'The keyword rules that label tickets their help desk did not label, before the model',
      response: { 200: rulesSchema, ...errorResponses },
    },
    handler: async (request) => readTicketRules(db, ws(request)),
  });

  r.post('/api/v1/support/rules/preview', {
    config: { access: 'support:read' },
    schema: {
      tags: ['support'],
      summary: 'How many of the workspace’s tickets each of these keyword rules would label; nothing is written',
      body: rulesBody,
      response: { 200: rulesPreviewSchema, ...errorResponses },
    },
    handler: async (request) => previewTicketRules(db, ws(request), request.body.rules),
  });

  r.put('/api/v1/support/rules', {
    config: { access: 'support:write' },
    schema: {
      tags: ['support'],
      summary:
        'Replace the keyword rules (the first rule with a matching phrase gives the category); applies to tickets ' +
        'imported from now on',
      body: rulesBody,
      response: { 200: rulesSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) => writeTicketRules(trx, actorOf(principal, request.id), principal.workspaceId, request.body));
    },
  });
}
