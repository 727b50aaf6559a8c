import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { accountRiskOf, listAccountRisks } from './risk-accounts.service.ts';
import { queueBacktest, queueScoring, riskJobOf } from './risk-jobs.service.ts';
import {
  accountRiskListSchema,
  accountRiskOneSchema,
  accountRiskQuery,
  backtestBody,
  backtestSchema,
  jobQueuedSchema,
  riskJobSchema,
} from './risk.schemas.ts';
import { latestBacktest } from './risk.service.ts';

/** NaN (a fold without both outcomes) travels as null. */
const num = (n: number) => (Number.isFinite(n) ? n : null);

/** Churn risk: the latest backtest, running it and scoring as jobs, following them, the accounts at risk. */
export function riskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;
  const today = () => ctx.now().toISOString().slice(0, 10);
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;
  const queued = (job: { id: string }, type: string) => ({
    jobId: job.id,
    type,
    state: 'queued' as const,
    href: `/api/v1/health/risk/jobs/${job.id}`,
  });

  r.get('/api/v1/health/risk/backtest', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'The latest backtest of the churn-risk model: AUC overall and per fold, calibration, lift in the riskiest tenth, top features',
      response: { 200: backtestSchema, ...errorResponses },
    },
    handler: async (request) => {
      const b = await latestBacktest(db, ws(request));
      if (!b) return { backtest: null };
      const x = b.result;
      return {
        backtest: {
          id: b.id,
          createdAt: b.createdAt,
          folds: b.folds,
          auc: num(x.auc),
          aucFolds: x.auc_folds.map(num),
          n: x.n,
          positives: x.positives,
          calibration: x.calibration,
          liftTopDecile: num(x.lift_top_decile),
          topFeatures: x.top_features,
          model: x.model,
          setAside: b.dropped.map((d) => ({ attribute: d.attribute, reason: d.reason })),
        },
      };
    },
  });

  r.post('/api/v1/health/risk/backtest', {
    config: { access: 'health:write' },
    schema: {
      tags: ['health'],
      summary: 'Queue a backtest of the churn-risk model; follow it at the answer’s href',
      body: backtestBody,
      response: { 202: jobQueuedSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const job = await queueBacktest(db, ws(request), { folds: request.body.folds, runAt: ctx.now() });
      return reply.code(202).send(queued(job, 'health.risk.backtest'));
    },
  });

  r.post('/api/v1/health/risk/score', {
    config: { access: 'health:write' },
    schema: {
      tags: ['health'],
      summary: 'Queue the fitting of the model on every account with an outcome and the scoring of the others',
      response: { 202: jobQueuedSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const job = await queueScoring(db, ws(request), { runAt: ctx.now() });
      return reply.code(202).send(queued(job, 'health.risk.score'));
    },
  });

  r.get('/api/v1/health/risk/jobs/:id', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'A churn-risk job: queued, running, done with its result, refused with the field and why, or failed',
      params: idParams,
      response: { 200: riskJobSchema, ...errorResponses },
    },
    handler: async (request) => riskJobOf(db, ws(request), request.params.id),
  });

  r.get('/api/v1/health/risk/accounts', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'Scored accounts with probability, decile, ARR today, ARR at risk (probability × ARR), next renewal and drivers in sentences',
      querystring: accountRiskQuery,
      response: { 200: accountRiskListSchema, ...errorResponses },
    },
    handler: async (request) => listAccountRisks(db, caps, ws(request), today(), request.query),
  });

  r.get('/api/v1/health/risk/accounts/:id', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'One account’s churn risk: probability, decile, ARR at risk, next renewal, drivers in sentences',
      params: idParams,
      response: { 200: accountRiskOneSchema, ...errorResponses },
    },
    handler: async (request) => accountRiskOf(db, caps, ws(request), today(), request.params.id),
  });
}
