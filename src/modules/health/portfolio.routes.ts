import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { readAccount } from '../accounts/index.ts';
import { SIGNAL_STAGES } from '../signals/index.ts';
import {
  byBand,
  byStage,
  cents,
  defaultOrder,
  filterAccounts,
  RENEWAL_WINDOWS,
  renewalWindows,
  sortAccounts,
  totalsOf,
} from './portfolio.ts';
import {
  portfolioAccountSchema,
  portfolioAccountsQuery,
  portfolioAccountsSchema,
  portfolioQuery,
  portfolioSchema,
  renewalsQuery,
  renewalsSchema,
} from './portfolio.schemas.ts';
import { readPortfolio } from './portfolio.service.ts';

/**
 * The portfolio: which accounts are at risk, why and how much ARR; the renewals coming up; the enriched accounts
 * list.
 */
export function portfolioRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;
  const today = () => ctx.now().toISOString().slice(0, 10);
  const scope = (request: Parameters<typeof principalOf>[0]) => scopeOf(principalOf(request));

  r.get('/api/v1/health/portfolio', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'The portfolio at a glance: ARR, ARR at risk, accounts by chain stage, renewals within 30/90/120 days, and ' +
        'the accounts most at risk with why and who owns them',
      querystring: portfolioQuery,
      response: { 200: portfolioSchema, ...errorResponses },
    },
    handler: async (request) => {
      const p = await readPortfolio(db, caps, scope(request), today());
      const atRisk = p.accounts.filter((a) => a.arrAtRisk !== null && a.arrAtRisk > 0);
      return {
        today: p.today,
        currency: p.currency,
        scoredAt: p.scoredAt,
        model: p.model,
        totals: totalsOf(p.accounts),
        byStage: byStage(p.accounts, SIGNAL_STAGES),
        byBand: byBand(p.accounts),
        renewals: renewalWindows(p.accounts, RENEWAL_WINDOWS),
        topAtRisk: sortAccounts(atRisk, 'arr_at_risk', 'desc', SIGNAL_STAGES).slice(0, request.query.top),
      };
    },
  });

  r.get('/api/v1/health/renewals', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'Renewals within the next days: account, date, days left, ARR, churn probability, ARR at risk, chain stage ' +
        'and CSM',
      querystring: renewalsQuery,
      response: { 200: renewalsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { within, sort, order, limit, offset } = request.query;
      const p = await readPortfolio(db, caps, scope(request), today());
      const due = filterAccounts(p.accounts, { renewalWithin: within });
      const sorted = sortAccounts(due, sort, order ?? defaultOrder(sort), SIGNAL_STAGES);
      return {
        today: p.today,
        within,
        currency: p.currency,
        total: due.length,
        totalArr: cents(due.reduce((s, a) => s + a.arr, 0)),
        totalArrAtRisk: cents(due.reduce((s, a) => s + (a.arrAtRisk ?? 0), 0)),
        items: sorted.slice(offset, offset + limit).map((a) => ({
          accountId: a.accountId,
          account: a.account,
          date: a.nextRenewal ?? '',
          daysLeft: a.daysToRenewal ?? 0,
          arr: a.arr,
          probability: a.probability,
          decile: a.decile,
          arrAtRisk: a.arrAtRisk,
          chainStage: a.chainStage,
          csmUserId: a.csmUserId,
          csm: a.csm,
          health: a.health,
          healthBand: a.healthBand,
        })),
      };
    },
  });

  r.get('/api/v1/health/accounts', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'The accounts list with ARR, churn risk, health score, next renewal and chain stage, sortable and ' +
        'filterable by each (and by name, segment, phase, region, owner)',
      querystring: portfolioAccountsQuery,
      response: { 200: portfolioAccountsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { q, segment, lifecyclePhase, region, owner, stage, maxDecile, minArr, renewalWithin } = request.query;
      const { band, maxHealth } = request.query;
      const { sort, order, limit, offset } = request.query;
      const p = await readPortfolio(db, caps, scope(request), today(), {
        q,
        segment,
        lifecyclePhase,
        region,
        ownerUserId: owner,
      });
      const rows = filterAccounts(p.accounts, { stage, maxDecile, minArr, renewalWithin, band, maxHealth });
      const sorted = sortAccounts(rows, sort, order ?? defaultOrder(sort), SIGNAL_STAGES);
      return { today: p.today, currency: p.currency, total: rows.length, items: sorted.slice(offset, offset + limit) };
    },
  });

  r.get('/api/v1/health/accounts/:id', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'One account’s figures: ARR, churn risk, ARR at risk, health score, next renewal, chain stage and why',
      params: idParams,
      response: { 200: portfolioAccountSchema.extend({ today: z.string(), currency: z.string() }), ...errorResponses },
    },
    handler: async (request) => {
      await readAccount(db, scope(request), request.params.id);
      const p = await readPortfolio(db, caps, scope(request), today());
      const found = p.accounts.find((a) => a.accountId === request.params.id);
      if (!found) throw AppError.notFound('account');
      return { ...found, today: p.today, currency: p.currency };
    },
  });
}
