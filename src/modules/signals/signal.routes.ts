import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { can, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, page, pageQuery } from '../../platform/http/schemas.ts';
import { ATTENTION_FILTERS, ATTENTIONS } from './attention.ts';
import { SEVERITIES, SIGNAL_STAGES } from './signal.ts';
import { withCostOfDelay } from './cost-of-delay.service.ts';
import { listSignals } from './signal.service.ts';

export const signalSchema = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  kind: z.string(),
  stage: z.enum(SIGNAL_STAGES),
  severity: z.enum(SEVERITIES),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  explanation: z.string().describe('The evidence as sentences with its numbers, the same for every reader'),
  suggestedPlay: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  attention: z
    .enum(ATTENTIONS)
    .describe('What people did about it, as of today: a snoozed signal is new again on its day'),
  snoozedUntil: z.string().nullable().describe('The day a snoozed signal comes back as new; null unless snoozed'),
  costOfDelay: z
    .object({
      amount: z.number().describe('Cost so far: the weekly cost × the weeks slipped (the weekly cost if none known)'),
      weekly: z.number(),
      days: z.number().nullable().describe('Days slipped, where the evidence says'),
      currency: z.string(),
      sentence: z.string(),
    })
    .nullable()
    .optional()
    .describe('Time-to-value signals only (DESIGN §5); null when the account’s money is unknown'),
});

export function signalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/signals', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['signals'],
      summary: 'Warnings along the failure chain with their evidence (time to value with cost of delay), newest first',
      querystring: pageQuery.extend({
        accountId: z.string().max(100).optional(),
        subjectId: z.string().max(100).optional().describe('The record the signal is about (a deal, a brief …)'),
        stage: z.enum(SIGNAL_STAGES).optional(),
        status: z.enum(['open', 'resolved', 'all']).default('open'),
        attention: z
          .enum(ATTENTION_FILTERS)
          .optional()
          .describe('new, acknowledged, snoozed, dismissed, or active (new or acknowledged); any when left out'),
      }),
      response: { 200: page(signalSchema), ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      const scope = scopeOf(principal);
      const { status, ...rest } = req.query;
      const today = ctx.now().toISOString().slice(0, 10);
      const page = await listSignals(ctx.db, scope.workspaceId, {
        ...rest,
        open: status === 'all' ? undefined : status === 'open',
        partnerId: scope.partnerId,
        today,
      });
      // Cost of delay is money (ARR): only for those who read revenue.
      if (!can(principal, 'revenue:read')) return page;
      return { ...page, items: await withCostOfDelay(ctx.db, ctx.caps, scope.workspaceId, page.items, today) };
    },
  });
}
