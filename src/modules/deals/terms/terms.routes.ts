import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { dealSchema } from '../deal.schemas.ts';
import { guardSetting } from '../deal.settings.ts';
import { updateDealTerms } from './terms.service.ts';

const termsBody = z
  .object({
    pricingModel: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .optional()
      .describe('per_seat, usage, flat, tiered, hybrid, other, or your own wording'),
    billingTerms: z.string().trim().max(200).nullable().optional().describe('e.g. "annual upfront, net 30"'),
    discountPct: z.number().min(0).max(100).nullable().optional().describe('Discount off list price, 0–100'),
    nonStandardClauses: z
      .array(z.string().trim().min(1).max(100))
      .max(50)
      .optional()
      .describe('Clause tags: custom_sla, mfn, termination_for_convenience …'),
    servicesSold: z
      .number()
      .min(0)
      .max(1e12)
      .nullable()
      .optional()
      .describe("Professional services sold, in the deal's currency"),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'send at least one term to record');

export function contractTermsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.patch('/api/v1/deals/:id/terms', {
    config: { access: 'deals:write' },
    schema: {
      tags: ['deals'],
      summary:
        "Record a deal's contract terms by hand: pricing model, billing terms, discount, non-standard clauses, services sold",
      params: idParams,
      body: termsBody,
      response: { 200: dealSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db.transaction().execute(async (trx) => {
        const req = await readSetting(trx, principal.workspaceId, guardSetting);
        return updateDealTerms(
          trx,
          actorOf(principal, request.id),
          principal.workspaceId,
          request.params.id,
          request.body,
          req,
        );
      });
    },
  });
}
