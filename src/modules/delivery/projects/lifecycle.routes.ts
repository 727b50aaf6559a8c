import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { idParams, isoDate } from '../../../platform/http/schemas.ts';
import { moveProject } from './lifecycle.service.ts';
import { dayOf } from './project.ts';
import { detailSchema, withConflicts } from './project.schemas.ts';

/** A project's lifecycle: kickoff, go-live, close and cancel. */
export function lifecycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const today = () => dayOf(ctx.now());

  const lifecycle = (path: string, action: 'kickoff' | 'go_live' | 'close' | 'cancel', summary: string) =>
    r.post(`/api/v1/projects/:id/${path}`, {
      config: { access: 'projects:manage' },
      schema: {
        tags: ['delivery'],
        summary,
        params: idParams,
        body: z.object({
          on: isoDate.optional().describe('The day it happened; today when left out'),
          checklist: z
            .array(z.string().max(300))
            .max(100)
            .optional()
            .describe('Go-live: the checklist items confirmed'),
          reason: z.string().trim().max(2000).optional().describe('Cancel: why'),
        }),
        response: { 200: detailSchema, ...withConflicts },
      },
      handler: async (request) => {
        const principal = principalOf(request);
        return db
          .transaction()
          .execute((trx) =>
            moveProject(
              trx,
              actorOf(principal, request.id),
              scopeOf(principal),
              request.params.id,
              action,
              request.body,
              today(),
            ),
          );
      },
    });
  lifecycle('kickoff', 'kickoff', 'Kick the project off: the queue wait ends and the plan starts');
  lifecycle(
    'go-live',
    'go_live',
    'Record the go-live: the go-live milestone’s tasks done and every checklist item confirmed',
  );
  lifecycle('close', 'close', 'Close a live project');
  lifecycle('cancel', 'cancel', 'Cancel a queued or active project, saying why');
}
