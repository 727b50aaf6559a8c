import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { DEFAULT_GAP_OPTIONS, knowledgeGaps } from './gaps.service.ts';

export const gapsQuery = z.object({
  days: z.coerce.number().int().min(7).max(365).default(DEFAULT_GAP_OPTIONS.days).describe('Tickets of the last days'),
  minSize: z.coerce
    .number()
    .int()
    .min(2)
    .max(100)
    .default(DEFAULT_GAP_OPTIONS.minSize)
    .describe('Fewest alike questions that make a cluster'),
  answeredAt: z.coerce
    .number()
    .min(0.05)
    .max(1)
    .default(DEFAULT_GAP_OPTIONS.answeredAt)
    .describe('Share of a cluster’s key terms an article must hold to answer it'),
});

const ticketRef = z.object({
  id: z.string(),
  externalId: z.string(),
  subject: z.string().nullable(),
  createdAt: z.string(),
  resolved: z.boolean(),
});

export const gapsSchema = z.object({
  from: z.string(),
  days: z.number(),
  questions: z.number().describe('How-to and configuration tickets read'),
  clusters: z.number().describe('Clusters of alike questions formed'),
  answered: z.number().describe('Of those, clusters an article already answers (left out of gaps)'),
  gaps: z.array(
    z
      .object({
        tickets: z.number(),
        representative: ticketRef.describe('The question nearest the cluster’s centre'),
        terms: z.array(z.string()).describe('The cluster’s key terms, heaviest first (stemmed)'),
        samples: z.array(ticketRef).describe('Other tickets of the cluster, newest first'),
        accounts: z.array(z.object({ id: z.string(), name: z.string(), tickets: z.number() })),
        unmatched: z.number().describe('Tickets of the cluster no account was found for'),
        draftFrom: z.string().nullable().describe('A resolved ticket of the cluster to draft the article from'),
        nearest: z
          .object({ id: z.string(), title: z.string(), coverage: z.number() })
          .nullable()
          .describe('The published article that came nearest, with the share of key terms it holds'),
        sentence: z.string(),
      })
      .describe('Repetitive questions without an article'),
  ),
  sentence: z.string(),
});

/** Knowledge gaps: clusters of repetitive questions no published article answers, largest first. */
export function gapRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/knowledge/gaps', {
    // The clusters quote tickets and name customers: those who read support tickets see them.
    config: { access: 'support:read' },
    schema: {
      tags: ['knowledge'],
      summary:
        'Clusters of repetitive how-to and configuration questions of the last days that no published article answers yet, largest first',
      querystring: gapsQuery,
      response: { 200: gapsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const q = request.query;
      return knowledgeGaps(ctx.db, principalOf(request).workspaceId, ctx.now(), {
        ...DEFAULT_GAP_OPTIONS,
        days: q.days,
        minSize: q.minSize,
        answeredAt: q.answeredAt,
      });
    },
  });
}
