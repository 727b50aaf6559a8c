import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { idParams } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { previewAssignment } from './assignment.service.ts';
import { dayOf, TASK_STATES } from './project.ts';
import { assignmentPreviewSchema, detailSchema, slipReason, hours, withConflicts } from './project.schemas.ts';
import { addTask, updateTask } from './task.service.ts';

const taskParams = z.object({ id: z.string().min(1).max(100), taskId: z.string().min(1).max(100) });

/** A project's tasks: change one, preview an assignment, add one. */
export function taskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const today = () => dayOf(ctx.now());

  r.patch('/api/v1/projects/:id/tasks/:taskId', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Work a task: state (blocked needs a reason), assignee, estimates, dependencies; the forecast follows',
      params: taskParams,
      body: z.object({
        name: z.string().trim().min(1).max(300).optional(),
        state: z.enum(TASK_STATES).optional(),
        blockedReason: z.string().trim().max(1000).nullable().optional(),
        assigneeId: refId('resource', 'The person (of People) who works the task').nullable().optional(),
        remainingHours: hours.optional(),
        effortHours: hours.optional(),
        durationDays: z.number().int().min(0).max(365).optional(),
        dependsOn: z.array(z.string().min(1).max(80)).max(100).optional(),
        slipReason: slipReason.optional().describe('Recorded on a slip this change causes'),
      }),
      response: { 200: detailSchema, ...withConflicts },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { slipReason: reason, ...patch } = request.body;
      return db
        .transaction()
        .execute((trx) =>
          updateTask(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.params.taskId,
            patch,
            { slipReason: reason, today: today() },
          ),
        );
    },
  });

  r.post('/api/v1/projects/:id/tasks/:taskId/assignment-preview', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary:
        'What giving the task to someone would do, before doing it: its new dates, the go-live’s move, the person’s time off, the slip reason it would record (nothing is written)',
      params: taskParams,
      body: z.object({ assigneeId: refId('resource', 'The person (of People) who would work the task').nullable() }),
      response: { 200: assignmentPreviewSchema, ...withConflicts },
    },
    handler: async (request) =>
      previewAssignment(
        db,
        scopeOf(principalOf(request)),
        request.params.id,
        request.params.taskId,
        request.body.assigneeId,
        today(),
      ),
  });

  r.post('/api/v1/projects/:id/tasks', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Add a task to the plan (a scope change, recorded as one)',
      params: idParams,
      body: z.object({
        name: z.string().trim().min(1).max(300),
        phase: z.string().trim().min(1).max(200),
        ownerRole: z.string().trim().min(1).max(80).default('consultant'),
        customerOwned: z.boolean().default(false),
        type: z.string().trim().min(1).max(80).default('general'),
        effortHours: hours,
        durationDays: z.number().int().min(0).max(365).default(1),
        dependsOn: z.array(z.string().min(1).max(80)).max(100).default([]),
        milestone: z.string().max(80).nullable().default(null),
        assigneeId: refId('resource', 'The person (of People) who works the task').nullable().default(null),
        slipReason: slipReason.optional(),
      }),
      response: { 201: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { slipReason: reason, ...input } = request.body;
      const project = await db.transaction().execute((trx) =>
        addTask(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, input, {
          slipReason: reason,
          today: today(),
        }),
      );
      return reply.status(201).send(project);
    },
  });
}
