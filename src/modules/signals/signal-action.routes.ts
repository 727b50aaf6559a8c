import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../platform/http/schemas.ts';
import { type ActionInput, DISMISS_REASONS, SIGNAL_ACTIONS } from './attention.ts';
import { actOnSignal, getSignal } from './signal-action.service.ts';
import { signalSchema } from './signal.routes.ts';

const note = z.string().trim().max(2000).optional().describe('Why, in a sentence; kept in the signal’s history');

const signalWithHistory = signalSchema.extend({
  history: z.array(
    z.object({
      action: z.enum(SIGNAL_ACTIONS),
      at: z.string(),
      byUserId: z.string().nullable(),
      by: z.string().nullable(),
      note: z.string().nullable(),
      reason: z.enum(DISMISS_REASONS).nullable(),
      until: z.string().nullable(),
      sentence: z.string().describe('The action in words: “Dismissed by Ana Ruiz on 3 Dec 2026: false positive”'),
    }),
  ),
});

const ACTIONS = {
  acknowledge: {
    summary: 'Acknowledge a signal: someone has seen it and is on it',
    body: z.object({ note }).default({}),
  },
  snooze: {
    summary: 'Snooze a signal until a day after today; it comes back as new on that day',
    body: z.object({ until: isoDate.describe('YYYY-MM-DD, after today'), note }),
  },
  dismiss: {
    summary: 'Dismiss a signal with a reason; it stays dismissed while its evidence reads the same',
    body: z.object({
      reason: z.enum(DISMISS_REASONS),
      note: note.describe('Required when the reason is other'),
    }),
  },
  reopen: {
    summary: 'Reopen an acknowledged, snoozed or dismissed signal: it is new again',
    body: z.object({ note }).default({}),
  },
} as const;

/** Reading one signal with its history, and what a person does about it. */
export function signalActionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/signals/:id', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['signals'],
      summary: 'A signal with its evidence and what people did about it',
      params: idParams,
      response: { 200: signalWithHistory, ...errorResponses },
    },
    handler: async (req) =>
      getSignal(ctx.db, scopeOf(principalOf(req)), req.params.id, ctx.now().toISOString().slice(0, 10)),
  });

  for (const [action, spec] of Object.entries(ACTIONS) as Array<
    [keyof typeof ACTIONS, (typeof ACTIONS)[keyof typeof ACTIONS]]
  >) {
    r.post(`/api/v1/signals/:id/${action}`, {
      config: { access: 'signals:write' },
      schema: {
        tags: ['signals'],
        summary: spec.summary,
        params: idParams,
        body: spec.body,
        response: { 200: signalWithHistory, ...errorResponses },
      },
      handler: async (req) => {
        const principal = principalOf(req);
        const input = { action, ...(req.body as object) } as ActionInput;
        return ctx.db
          .transaction()
          .execute((trx) =>
            actOnSignal(trx, actorOf(principal, req.id), scopeOf(principal), req.params.id, input, ctx.now()),
          );
      },
    });
  }
}
