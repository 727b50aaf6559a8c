import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { accountAdoption, PORTFOLIO_SORTS, portfolio, todayUtc } from './adoption.service.ts';

const numbers = {
  dau: z.number(),
  wau: z.number(),
  mau: z.number(),
  seats: z.number().nullable(),
  adoptionRate: z.number().nullable().describe('30-day active users / licensed seats; null without seats'),
  featureBreadth: z
    .number()
    .describe('Distinct features used in 30 days (with a catalogue: entitled catalogue features)'),
  featuresEntitled: z
    .number()
    .nullable()
    .describe('Features the account’s plan entitles; null without a feature catalogue'),
  featureBreadthRate: z.number().nullable().describe('Features used / features entitled; null without a catalogue'),
  concentration: z.number().nullable().describe('Share of the 30 days’ events made by the 3 most active users'),
  trend: z
    .object({ current: z.number(), previous: z.number(), changePct: z.number().nullable() })
    .describe('Active users in the last 7 days vs the 7 days three weeks earlier'),
  events30d: z.number(),
};

const dayQuery = isoDate.optional().describe('Reference day, YYYY-MM-DD (UTC); today by default');

/** Adoption numbers, per account and for the portfolio. */
export function adoptionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/accounts/:id/adoption', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'An account’s adoption numbers on a day, with its active users and events per day for the last 30 days (or as many as asked)',
      params: idParams,
      querystring: z.object({
        day: dayQuery,
        days: z.coerce
          .number()
          .int()
          .min(7)
          .max(92)
          .default(30)
          .describe(
            'How many days the daily series covers, ending on the day: 30 by default, up to 92 (70 for ten weeks); the adoption numbers always cover 30 days',
          ),
      }),
      response: {
        200: z.object({
          accountId: z.string(),
          day: z.string(),
          ...numbers,
          daily: z.array(z.object({ day: z.string(), activeUsers: z.number(), events: z.number() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) =>
      accountAdoption(db, scopeOf(principalOf(req)), req.params.id, req.query.day ?? todayUtc(), req.query.days),
  });

  r.get('/api/v1/usage/adoption', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Adoption of every account with usage in the 30 days ending on a day, sorted and paged',
      querystring: z.object({
        day: dayQuery,
        sort: z.enum(PORTFOLIO_SORTS).default('adoptionRate'),
        order: z.enum(['asc', 'desc']).default('desc'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: {
        200: z.object({
          day: z.string(),
          total: z.number(),
          items: z.array(z.object({ accountId: z.string(), accountName: z.string(), ...numbers })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const { day, ...rest } = req.query;
      return portfolio(db, scopeOf(principalOf(req)), { day: day ?? todayUtc(), ...rest });
    },
  });
}
