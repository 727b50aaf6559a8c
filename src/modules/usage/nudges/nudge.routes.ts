import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { NUDGE_CHANNELS, NUDGE_STATUSES } from './nudge.ts';
import { evaluateNudges } from './nudge-evaluate.service.ts';
import { effectOf, recentNudges } from './nudge-query.service.ts';
import { createRule, deleteRule, listRules, updateRule } from './nudge-rule.service.ts';

const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  milestoneEvent: z
    .string()
    .nullable()
    .describe('The usage event a milestone awaits; null: any milestone awaiting one'),
  daysAfterDue: z.number(),
  channel: z.enum(NUDGE_CHANNELS),
  subject: z.string(),
  message: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const body = z.object({
  name: z.string().trim().min(1).max(200),
  milestoneEvent: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('The usage event of the milestones this rule covers; null or absent: any milestone awaiting an event'),
  daysAfterDue: z.number().int().min(0).max(365).describe('Days after the milestone was due before a nudge'),
  channel: z.enum(NUDGE_CHANNELS),
  subject: z.string().trim().min(1).max(200),
  message: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .describe('Plain text or Markdown; {{first_name}}, {{milestone}} and {{account}} are filled in'),
  enabled: z.boolean().optional(),
});

const nudgeSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  milestoneId: z.string(),
  accountId: z.string(),
  userId: z.string(),
  event: z.string(),
  channel: z.string(),
  email: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(NUDGE_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  shownAt: z.string().nullable(),
  dismissedAt: z.string().nullable(),
});

const effectRow = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  nudged: z.number(),
  nudgedCompleted: z.number(),
  nudgedRate: z.number().nullable(),
  medianDaysToComplete: z.number().nullable(),
  notNudged: z.number(),
  notNudgedCompleted: z.number(),
  notNudgedRate: z.number().nullable(),
  differencePoints: z.number().nullable(),
  sentence: z.string(),
});

/** Onboarding nudge rules, the nudges they made, running them now, and their measured effect. */
export function nudgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/nudges/rules', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Onboarding nudge rules',
      response: { 200: z.object({ items: z.array(ruleSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await listRules(db, principalOf(req).workspaceId) }),
  });

  r.post('/api/v1/usage/nudges/rules', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Add a nudge rule: nudge the users of an onboarding account when a milestone’s event is overdue',
      body,
      response: { 201: ruleSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      const rule = await db
        .transaction()
        .execute((trx) => createRule(trx, actorOf(p, req.id), p.workspaceId, req.body, ctx.now()));
      return reply.status(201).send(rule);
    },
  });

  r.put('/api/v1/usage/nudges/rules/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Change a nudge rule (fields left out keep their value)',
      params: idParams,
      body: body.partial(),
      response: { 200: ruleSchema, ...errorResponses },
    },
    handler: async (req) => {
      const p = principalOf(req);
      return db
        .transaction()
        .execute((trx) => updateRule(trx, actorOf(p, req.id), p.workspaceId, req.params.id, req.body, ctx.now()));
    },
  });

  r.delete('/api/v1/usage/nudges/rules/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Delete a nudge rule with its nudges',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      await db.transaction().execute((trx) => deleteRule(trx, actorOf(p, req.id), p.workspaceId, req.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/usage/nudges', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Recent nudges, newest first, with their status',
      querystring: z.object({
        status: z.enum(NUDGE_STATUSES).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(nudgeSchema) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: await recentNudges(db, principalOf(req).workspaceId, req.query.limit, req.query.status),
    }),
  });

  r.post('/api/v1/usage/nudges/evaluate', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Run the nudge rules now: nudge overdue users (once each) and send email nudges not sent yet',
      response: {
        200: z.object({
          eligible: z.number(),
          nudged: z.number(),
          skippedNoEmail: z.number(),
          sent: z.number(),
          failed: z.number(),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => evaluateNudges(db, principalOf(req).workspaceId, { config: ctx.config, now: ctx.now() }),
  });

  r.get('/api/v1/usage/nudges/effect', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Each rule’s effect: milestone completion of nudged users against eligible users not yet nudged',
      description:
        'An observational comparison over the days from..to (UTC): users nudged in them, and how many did the ' +
        'milestone’s event afterwards (by the end), against users found overdue in them and not nudged by the end.',
      querystring: z.object({ from: isoDate, to: isoDate }),
      response: {
        200: z.object({ from: z.string(), to: z.string(), items: z.array(effectRow) }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      if (req.query.from > req.query.to) throw AppError.validation('querystring.to', 'must not be before from');
      return effectOf(db, principalOf(req).workspaceId, req.query.from, req.query.to);
    },
  });
}
