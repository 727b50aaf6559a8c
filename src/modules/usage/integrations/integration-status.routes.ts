import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { externalId } from '../../../platform/http/references.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { todayUtc } from '../adoption/adoption.service.ts';
import { usageThresholdsSetting } from '../signals/usage-signals.settings.ts';
import { INTEGRATION_STATUSES } from './integration-status.ts';
import { integrationRows, type ReportInput, recordReports } from './integration-status.service.ts';

const report = z.object({
  account: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The account’s Baton id, a CRM id recorded by an import, or its domain'),
  integration: z.string().trim().min(1).max(100).describe('The integration’s name, e.g. salesforce-sync'),
  status: z.enum(INTEGRATION_STATUSES),
  detail: z.string().max(1000).nullable().optional().describe('What happened, e.g. the error message'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When the sync ran, ISO-8601 with a time zone'),
  source: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .optional()
    .describe('Who reports (a connector, an iPaaS); a report is recognised again by its source and reportId'),
  reportId: externalId(
    z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .describe(
        'The reporter’s own id for this report: sent again, it counts once. Without it, a report is recognised by its source, account, integration and occurredAt',
      ),
    'the reporter’s own id',
  ),
});

const received = z.object({
  received: z.number(),
  stored: z.number().describe('Reports counted now'),
  duplicates: z.number().describe('Reports received before (or twice in this batch): each counts once'),
  keptAside: z
    .number()
    .describe(
      'Reports whose account Baton does not know yet: kept, and counted when the account is created or imported',
    ),
  waiting: z
    .array(z.object({ index: z.number(), account: z.string() }))
    .describe('The reports kept aside, by their index in items, with the account they name'),
});

const rowSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  integration: z.string(),
  lastStatus: z.enum(INTEGRATION_STATUSES).describe('Status of the latest report received, whatever asOf'),
  lastReportedAt: z.string().describe('Time of the latest report received, whatever asOf'),
  lastSuccessAt: z
    .string()
    .nullable()
    .describe('Time of the latest successful sync received, whatever asOf (lastSuccessDay follows asOf)'),
  lastErrorAt: z.string().nullable().describe('Time of the latest failed sync received, whatever asOf'),
  lastErrorDetail: z.string().nullable().describe('Detail of the latest failed sync received, whatever asOf'),
  reports7d: z.number().describe('Reports in the 7 days ending on asOf'),
  errors7d: z.number().describe('Failed syncs in the 7 days ending on asOf'),
  errorRate7d: z.number().nullable(),
  baselineReports: z.number(),
  baselineErrorRate: z.number().nullable().describe('Error rate of the 28 days before the last 7'),
  lastSuccessDay: z.string().nullable().describe('Last day with a successful sync, on or before asOf'),
  daysSinceSuccess: z.number().nullable().describe('Days from lastSuccessDay to asOf'),
  errorSpike: z.boolean(),
  noRecentSync: z.boolean(),
});

const asOfQuery = z.object({ asOf: isoDate.optional().describe('Day to judge, YYYY-MM-DD (UTC); today by default') });

/** Integration sync reports in (API and CSV) and each account's integration health out. */
export function integrationStatusRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // One permission per route: an integration reports with an ingest API key, as product events do.
  r.post('/api/v1/integration-status', {
    config: { access: 'ingest:write' },
    schema: {
      tags: ['usage'],
      summary:
        'Report integration syncs: { items: [...] } of up to 1,000, or one report; each counts once, and a bad one refuses the batch',
      description:
        'One report sent bare is read as a batch of one, so its problems are named body.items.0.<field>. A report sent again (the same source and reportId, or without an id the same source, account, integration and occurredAt) counts once. Reports naming an account Baton does not know yet are kept aside, listed in `waiting`, and counted when the account is created or imported.',
      body: z.preprocess(
        (v) => (typeof v === 'object' && v !== null && 'items' in v ? v : { items: [v] }),
        z.object({ items: z.array(report).min(1).max(1000) }),
      ),
      response: { 200: received, ...errorResponses },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      const items: ReportInput[] = req.body.items;
      return db
        .transaction()
        .execute((trx) => recordReports(trx, workspaceId, items, (i, name) => `body.items.${i}.${name}`));
    },
  });

  r.get('/api/v1/usage/integrations', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'Integration health per account × integration: status, last success, error rate of 7 days against its 28-day baseline, decay flags',
      querystring: asOfQuery,
      response: { 200: z.object({ asOf: z.string(), items: z.array(rowSchema) }), ...errorResponses },
    },
    handler: async (req) => {
      const scope = scopeOf(principalOf(req));
      const asOf = req.query.asOf ?? todayUtc();
      const t = await readSetting(db, scope.workspaceId, usageThresholdsSetting);
      return { asOf, items: await integrationRows(db, scope, asOf, t.integration) };
    },
  });

  r.get('/api/v1/usage/accounts/:id/integrations', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'One account’s integration health',
      params: idParams,
      querystring: asOfQuery,
      response: { 200: z.object({ asOf: z.string(), items: z.array(rowSchema) }), ...errorResponses },
    },
    handler: async (req) => {
      const scope = scopeOf(principalOf(req));
      const asOf = req.query.asOf ?? todayUtc();
      const t = await readSetting(db, scope.workspaceId, usageThresholdsSetting);
      return { asOf, items: await integrationRows(db, scope, asOf, t.integration, req.params.id) };
    },
  });
}
