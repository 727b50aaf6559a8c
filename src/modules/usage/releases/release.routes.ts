import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { todayUtc } from '../adoption/adoption.service.ts';
import { usageThresholdsSetting } from '../signals/usage-signals.settings.ts';
import { createRelease, deleteRelease, listReleases, underuse, updateRelease } from './release.service.ts';

const releaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  releasedOn: z.string(),
  notes: z.string().nullable(),
  plans: z.array(z.string()).nullable().describe('Plans entitled; null: each feature’s own plans'),
  features: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const body = z.object({
  name: z.string().trim().min(1).max(200),
  version: z.string().max(50).nullable().optional(),
  releasedOn: isoDate,
  notes: z.string().max(5000).nullable().optional(),
  plans: z
    .array(z.string().max(100))
    .max(100)
    .nullable()
    .optional()
    .describe('Plans entitled; null or absent: each feature’s own plans'),
  features: z.array(z.string().max(200)).max(200).describe('Catalogue feature keys the release introduced'),
});

const underuseRow = z.object({
  feature: z.string(),
  featureName: z.string(),
  releaseId: z.string(),
  releaseName: z.string(),
  version: z.string().nullable(),
  releasedOn: z.string(),
  daysSinceRelease: z.number(),
  eligible: z.boolean(),
  plans: z.array(z.string()),
  entitledAccounts: z.number(),
  usingAccounts: z.number(),
  share: z.number().nullable(),
  flagged: z.boolean(),
  nonUsers: z.array(z.string()),
});

/** Product releases, the features they introduced, and the release-underuse report. */
export function releaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/releases', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Product releases, newest first, with the features each introduced',
      response: { 200: z.object({ items: z.array(releaseSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await listReleases(db, principalOf(req).workspaceId) }),
  });

  r.post('/api/v1/usage/releases', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Record a release and the catalogue features it introduced',
      body,
      response: { 201: releaseSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      const release = await db
        .transaction()
        .execute((trx) => createRelease(trx, actorOf(principal, req.id), principal.workspaceId, req.body));
      return reply.status(201).send(release);
    },
  });

  r.patch('/api/v1/usage/releases/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Change a release',
      params: idParams,
      body: body.partial(),
      response: { 200: releaseSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          updateRelease(trx, actorOf(principal, req.id), principal.workspaceId, req.params.id, req.body),
        );
    },
  });

  r.delete('/api/v1/usage/releases/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Delete a release',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      await db
        .transaction()
        .execute((trx) => deleteRelease(trx, actorOf(principal, req.id), principal.workspaceId, req.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/usage/releases/underuse', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'Release underuse: for each released feature, the entitled accounts, those that used it since release, and the share',
      description:
        'Entitled accounts are those with any product usage since the release whose plan the release (else the feature) entitles. ' +
        'A feature released more than release.afterDays days ago is flagged below release.minShare. Read-only: signals are raised by POST /api/v1/usage/signals/evaluate and the daily usage.signals job.',
      querystring: z.object({ asOf: isoDate.optional().describe('Report day, YYYY-MM-DD (UTC); today by default') }),
      response: {
        200: z.object({
          asOf: z.string(),
          thresholds: z.object({ afterDays: z.number(), minShare: z.number(), minAccounts: z.number() }),
          items: z.array(underuseRow),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const scope = scopeOf(principalOf(req));
      const t = await readSetting(db, scope.workspaceId, usageThresholdsSetting);
      return underuse(db, scope, req.query.asOf ?? todayUtc(), t.release);
    },
  });
}
