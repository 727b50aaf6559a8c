import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { getRoleList, setCustomRoles } from './resource-roles.service.ts';

const roleListSchema = z.object({
  defaults: z.array(z.string()),
  custom: z.array(z.string()),
  roles: z.array(z.string()),
});

/** Delivery roles: the defaults and the workspace's own. */
export function roleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/delivery/roles', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Delivery roles: the defaults and the workspace’s own',
      response: { 200: roleListSchema, ...errorResponses },
    },
    handler: async (request) => getRoleList(db, principalOf(request).workspaceId),
  });

  r.put('/api/v1/delivery/roles', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary:
        "Set the workspace's own delivery roles (the defaults always stay); a role people still hold cannot be removed (409)",
      body: z.object({ roles: z.array(z.string().trim().min(1).max(40)).max(50) }),
      response: { 200: roleListSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) => {
      const p = principalOf(request);
      return db
        .transaction()
        .execute((trx) => setCustomRoles(trx, actorOf(p, request.id), p.workspaceId, request.body.roles));
    },
  });
}
