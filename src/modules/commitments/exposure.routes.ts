import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { COMMITMENT_STATUSES, STRENGTHS } from './commitment.ts';
import { withinDays } from './commitment.schemas.ts';
import { DEFAULT_RENEWAL_WINDOW_DAYS } from './exposure-report.ts';
import { commitmentExposure } from './exposure.service.ts';

const exposureRow = z.object({
  commitmentId: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  what: z.string(),
  words: z.string(),
  strength: z.enum(STRENGTHS),
  matchedPhrase: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  dueDate: z.string().nullable(),
  daysOverdue: z.number().nullable(),
  renewalDate: z.string().nullable(),
  daysToRenewal: z.number().nullable(),
  reason: z.string(),
});

const exposureSection = z.object({
  count: z.number(),
  accounts: z.number(),
  byStatus: z.record(z.enum(COMMITMENT_STATUSES), z.number()),
  rows: z.array(exposureRow),
});

const exposureReportSchema = z.object({
  today: z.string(),
  withinDays: z.number(),
  totals: z.object({ commitments: z.number(), open: z.number(), listed: z.number(), accounts: z.number() }),
  exposed: exposureSection,
  overdue: exposureSection,
  renewing: exposureSection,
});

/** The exposure report: promises at risk, each list saying why. */
export function exposureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;

  r.get('/api/v1/reports/commitment-exposure', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments', 'reports'],
      summary: 'Promises at risk: exposed (status weaker than the words), overdue, and open on accounts renewing soon',
      querystring: z.object({
        withinDays: withinDays
          .default(DEFAULT_RENEWAL_WINDOW_DAYS)
          .describe('The renewal window, in days (default 180)'),
      }),
      response: { 200: exposureReportSchema, ...errorResponses },
    },
    handler: async (request) =>
      commitmentExposure(db, caps, scopeOf(principalOf(request)), { withinDays: request.query.withinDays }),
  });
}
