import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { refId } from '../../platform/http/references.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { setPlayTaskDone } from './play-end.service.ts';
import { startPlayByHand } from './play-run.service.ts';
import { getRun, listRuns } from './play-run-view.service.ts';
import { type PlayDefinition, playDefinitionSchema } from './play.ts';
import { createPlay, getPlay, listPlays, savePlay } from './play.service.ts';
import { playDetailSchema, playRunSchema, playSummarySchema } from './play.schemas.ts';

const createBody = playDefinitionSchema.extend({ enabled: z.boolean().default(true) });
const saveBody = playDefinitionSchema.extend({
  enabled: z.boolean().optional(),
  expectedVersion: z.number().int().min(1).optional().describe('The version edited; a newer one answers 409'),
});

/** Named people must be members of the workspace. */
async function checkPeople(ctx: AppContext, workspaceId: string, def: PlayDefinition): Promise<void> {
  for (const [i, t] of def.tasks.entries())
    if (t.userId)
      await getMember(ctx.db, workspaceId, t.userId).catch(() => {
        throw AppError.validation(`body.tasks.${i}.userId`, 'not a member of this workspace');
      });
}

/** Plays, their runs and the runs' tasks. */
export function playRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/plays', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['plays'],
      summary: 'The plays: trigger in words, runs and success rate',
      response: { 200: z.object({ items: z.array(playSummarySchema) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: await ctx.db.transaction().execute((trx) => listPlays(trx, principalOf(req).workspaceId)),
    }),
  });

  r.post('/api/v1/plays', {
    config: { access: 'plays:write', idempotent: true },
    schema: {
      tags: ['plays'],
      summary: 'Create a play: a trigger and the tasks it starts',
      body: createBody,
      response: { 201: playDetailSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      const { enabled, ...def } = req.body;
      await checkPeople(ctx, p.workspaceId, def);
      const play = await ctx.db
        .transaction()
        .execute((trx) => createPlay(trx, actorOf(p, req.id), p.workspaceId, def, enabled));
      return reply.code(201).send(play);
    },
  });

  r.get('/api/v1/plays/:id', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['plays'],
      summary: 'A play with its current definition',
      params: idParams,
      response: { 200: playDetailSchema, ...errorResponses },
    },
    handler: async (req) => getPlay(ctx.db, principalOf(req).workspaceId, req.params.id),
  });

  r.put('/api/v1/plays/:id', {
    config: { access: 'plays:write' },
    schema: {
      tags: ['plays'],
      summary: 'Save a new version of a play (runs already started keep theirs); enable or disable it',
      params: idParams,
      body: saveBody,
      response: { 200: playDetailSchema, ...errorResponses },
    },
    handler: async (req) => {
      const p = principalOf(req);
      const { enabled, expectedVersion, ...def } = req.body;
      await checkPeople(ctx, p.workspaceId, def);
      return ctx.db
        .transaction()
        .execute((trx) =>
          savePlay(trx, actorOf(p, req.id), p.workspaceId, req.params.id, def, enabled, expectedVersion),
        );
    },
  });

  r.get('/api/v1/plays/:id/runs', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['plays'],
      summary: 'A play’s runs, newest first, with their tasks and outcomes',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(playRunSchema) }), ...errorResponses },
    },
    handler: async (req) => ({
      items: await listRuns(ctx.db, principalOf(req).workspaceId, req.params.id, req.query.limit),
    }),
  });

  r.post('/api/v1/plays/:id/start', {
    config: { access: 'signals:write' },
    schema: {
      tags: ['plays'],
      summary: 'Start a play by hand on an account (once per play, account and day)',
      params: idParams,
      body: z.object({ accountId: refId('account', 'The account the play runs on') }),
      response: { 200: playRunSchema, 201: playRunSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      const now = ctx.now();
      const run = await ctx.db.transaction().execute(async (trx) => {
        const s = await startPlayByHand(
          trx,
          actorOf(p, req.id),
          p.workspaceId,
          req.params.id,
          req.body.accountId,
          now.toISOString().slice(0, 10),
          now.toISOString(),
        );
        return { started: s.started, view: await getRun(trx, p.workspaceId, s.runId) };
      });
      return reply.code(run.started ? 201 : 200).send(run.view);
    },
  });

  r.get('/api/v1/play-runs/:id', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['plays'],
      summary: 'A run with its tasks and, once judged, its outcome',
      params: idParams,
      response: { 200: playRunSchema, ...errorResponses },
    },
    handler: async (req) => getRun(ctx.db, principalOf(req).workspaceId, req.params.id),
  });

  for (const action of ['complete', 'reopen'] as const) {
    r.post(`/api/v1/play-tasks/:id/${action}`, {
      config: { access: 'signals:write' },
      schema: {
        tags: ['plays'],
        summary:
          action === 'complete'
            ? 'Mark a play task done: the run ends when its last task is done, and its outcome is judged'
            : 'Mark a play task not done again: a run that ended by its tasks opens again',
        params: idParams,
        response: { 200: playRunSchema, ...errorResponses },
      },
      handler: async (req) => {
        const p = principalOf(req);
        return ctx.db.transaction().execute(async (trx) => {
          const { runId } = await setPlayTaskDone(
            trx,
            actorOf(p, req.id),
            p.workspaceId,
            req.params.id,
            action === 'complete',
            ctx.now(),
          );
          return getRun(trx, p.workspaceId, runId);
        });
      },
    });
  }
}
