import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { readTeamTrait, writeTeamTrait } from './team.service.ts';
import { teamTraitSchema } from './team.settings.ts';

/** The identify trait that names a product user's team or department. */
export function teamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/team-trait', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'The identify trait that names a product user’s team or department (department unless set)',
      response: { 200: teamTraitSchema, ...errorResponses },
    },
    handler: async (req) => readTeamTrait(db, principalOf(req).workspaceId),
  });

  r.put('/api/v1/usage/team-trait', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary:
        'Name the identify trait that gives a product user’s team or department (applies to identify calls from now)',
      body: teamTraitSchema,
      response: { 200: teamTraitSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) => writeTeamTrait(trx, actorOf(principal, req.id), principal.workspaceId, req.body));
    },
  });
}
