import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { completenessConfigSchema } from './handoff.ts';
import { completenessSetting } from './handoff.settings.ts';

/** How briefs are scored: weights and required fields per segment, and the signal threshold. */
export function handoffSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

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
}
