import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../platform/http/schemas.ts';
import { contractTermsReportFor } from './terms-report.service.ts';

/** A discount above this many percent makes a deal non-standard unless the report is asked otherwise. */
export const DEFAULT_DISCOUNT_THRESHOLD = 20;

const figures = {
  deals: z.number(),
  withTerms: z.number(),
  structures: z.number(),
  nonStandard: z.number(),
  nonStandardShare: z.number(),
  withUnscopedCommitments: z.number(),
  unscopedShare: z.number(),
};

const reportSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  discountThreshold: z.number(),
  totals: z.object(figures),
  structures: z.array(z.object({ structure: z.string(), deals: z.number() })),
  clauses: z.array(z.object({ clause: z.string(), deals: z.number() })),
  byQuarter: z.array(z.object({ quarter: z.string(), ...figures })),
  byOwner: z.array(z.object({ owner: z.string(), ...figures })),
});

/** `GET /api/v1/reports/contract-terms`: the won deals' terms beside the promises signed with them. */
export function termsReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/reports/contract-terms', {
    config: { access: 'deals:read' },
    schema: {
      tags: ['deals', 'reports'],
      summary:
        'Pricing structures, non-standard deals and deals signed with unscoped commitments, by quarter and by account executive (won deals)',
      querystring: z
        .object({
          from: isoDate.optional().describe('First signed (else close) date included'),
          to: isoDate.optional().describe('Last signed (else close) date included'),
          discountThreshold: z.coerce
            .number()
            .min(0)
            .max(100)
            .default(DEFAULT_DISCOUNT_THRESHOLD)
            .describe('A discount above this percent is non-standard (default 20)'),
        })
        .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] }),
      response: { 200: reportSchema, ...errorResponses },
    },
    handler: async (request) => contractTermsReportFor(db, principalOf(request).workspaceId, request.query),
  });
}
