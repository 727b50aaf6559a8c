import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import { DIMENSIONS, MEASURE_INFO, MEASURES } from './measures.ts';
import { DEFAULT_SCORECARDS, FALLBACK_SEGMENT, GREEN_FROM, type Scorecards, YELLOW_FROM } from './scorecard.ts';
import { queueFullRecompute } from './score.handler.ts';
import {
  distributionSchema,
  historyQuery,
  historySchema,
  recomputeSchema,
  scorecardsBody,
  scorecardsSchema,
  scoreViewSchema,
} from './score.schemas.ts';
import { accountScore, bandDistribution, readScorecards, saveScorecards, scoreHistory } from './score.service.ts';

const DAY_MS = 86_400_000;

const scorecardsView = (cards: Scorecards) => ({
  version: cards.version,
  segments: cards.segments,
  defaults: DEFAULT_SCORECARDS.segments,
  bands: { green: GREEN_FROM, yellow: YELLOW_FROM },
  measures: MEASURES.map((m) => ({ measure: m, ...MEASURE_INFO[m] })).sort(
    (a, b) => DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension),
  ),
  fallbackSegment: FALLBACK_SEGMENT,
});

/** Health scores: the scorecards, an account's score with why and its history, the bands, a full recompute. */
export function scoreRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  r.get('/api/v1/health/scorecards', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'The health scorecards per segment (dimension weights, measure weights and thresholds) and the defaults',
      response: { 200: scorecardsSchema, ...errorResponses },
    },
    handler: async (request) => scorecardsView(await readScorecards(db, ws(request))),
  });

  r.put('/api/v1/health/scorecards', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['health'],
      summary: 'Save the scorecards of every segment as a new version; every account is rescored by a queued job',
      body: scorecardsBody,
      response: { 200: scorecardsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { cards, job } = await db.transaction().execute(async (trx) => {
        const saved = await saveScorecards(
          trx,
          actorOf(principal, request.id),
          principal.workspaceId,
          request.body.segments,
        );
        return { cards: saved, job: await queueFullRecompute(trx, principal.workspaceId, ctx.now()) };
      });
      return { ...scorecardsView(cards), jobId: job.id };
    },
  });

  r.post('/api/v1/health/scores/recompute', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['health'],
      summary: 'Queue a rescoring of every account of the workspace; follow the job in Settings → Jobs',
      response: { 202: recomputeSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const job = await queueFullRecompute(db, ws(request), ctx.now());
      return reply.code(202).send({ jobId: job.id, type: 'health.score-accounts', state: 'queued' as const });
    },
  });

  r.get('/api/v1/health/scores/distribution', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'How many accounts each health band holds now',
      response: { 200: distributionSchema, ...errorResponses },
    },
    handler: async (request) => bandDistribution(db, ws(request)),
  });

  r.get('/api/v1/health/accounts/:id/score', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary:
        'An account’s health score, its dimensions and measures, and why it moved (since the last scoring, 30 days)',
      params: idParams,
      response: { 200: scoreViewSchema, ...errorResponses },
    },
    handler: async (request) => accountScore(db, ws(request), request.params.id, ctx.now()),
  });

  r.get('/api/v1/health/accounts/:id/score/history', {
    config: { access: 'health:read' },
    schema: {
      tags: ['health'],
      summary: 'An account’s health scores between two days (90 days up to today by default), for a chart',
      params: idParams,
      querystring: historyQuery,
      response: { 200: historySchema, ...errorResponses },
    },
    handler: async (request) => {
      const now = ctx.now();
      const to = request.query.to ?? now.toISOString().slice(0, 10);
      const from = request.query.from ?? new Date(now.getTime() - 90 * DAY_MS).toISOString().slice(0, 10);
      const points = await scoreHistory(db, ws(request), request.params.id, from, `${to}T23:59:59.999Z`);
      return { accountId: request.params.id, from, to, points };
    },
  });
}
