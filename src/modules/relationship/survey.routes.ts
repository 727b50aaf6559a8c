import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { scopeOf } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../platform/http/schemas.ts';
import { itemsOf, refusal } from './request-errors.ts';
import { auditRecorded, readRecordListQuery, recordListQuery } from './record-routes.service.ts';
import { sentimentSchema, surveyBody, surveyItem, surveyResponseSchema } from './relationship.schemas.ts';
import { sentimentReport } from './sentiment.service.ts';
import { SURVEY_KINDS } from './sentiment.ts';
import { applySurveyBatch, listSurveys } from './survey.service.ts';
import type { SurveyRecord } from './survey.ts';

const API_FIELDS: Record<string, string> = {
  account: 'accountId',
  contact_id: 'contactId',
  contact_email: 'contactEmail',
  responded_at: 'respondedAt',
};

const toRecord = (item: z.infer<typeof surveyItem>): SurveyRecord => ({
  accountRef: item.accountId ?? null,
  accountName: null,
  contactId: item.contactId ?? null,
  contactEmail: item.contactEmail?.toLowerCase() ?? null,
  kind: item.kind,
  score: item.score,
  comment: item.comment || null,
  respondedAt: new Date(item.respondedAt).toISOString(),
  milestone: item.milestone || null,
  externalId: item.externalId ?? null,
});

/** A period of days: `to` today when left out, `from` a year before it; `from` after `to` names the field. */
export function periodOf(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw AppError.validation('querystring.from', `${from} is after the period’s end, ${to}`);
  return { from, to };
}

/** Survey answers (NPS, CSAT): recording them, listing them, and the NPS and CSAT they add up to. */
export function surveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/relationship/surveys', {
    config: { access: 'relationship:write', idempotent: true },
    schema: {
      tags: ['relationship'],
      summary:
        'Record NPS (0–10) or CSAT (1–5) answers, one or a batch: all or none; an answer sent again changes nothing',
      body: surveyBody,
      response: {
        201: z.object({ created: z.number(), unchanged: z.number(), items: z.array(surveyResponseSchema) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { items, batch } = itemsOf(request.body, (fields) => surveyItem.parse(fields), 'answer');
      const workspaceId = principal.workspaceId;
      const result = await db.transaction().execute(async (trx) => {
        const out = await applySurveyBatch(
          trx,
          { workspaceId, source: 'api', now: ctx.now() },
          items.map((item, i) => ({ row: i + 1, record: toRecord(item) })),
        );
        if (out.errors.length) throw refusal(out.errors, batch, (f) => API_FIELDS[f] ?? f);
        await auditRecorded(trx, principal, request.id, 'survey.record', out);
        return out;
      });
      return reply.status(201).send({
        created: result.created,
        unchanged: result.unchanged,
        items: result.responses.map((x) => x.response),
      });
    },
  });

  r.get('/api/v1/relationship/surveys', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary: 'Survey answers, newest first',
      querystring: recordListQuery(SURVEY_KINDS),
      response: { 200: z.object({ items: z.array(surveyResponseSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { workspaceId, filter } = await readRecordListQuery(db, principalOf(request), request.query);
      return { items: await listSurveys(db, workspaceId, filter) };
    },
  });

  r.get('/api/v1/relationship/sentiment', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary:
        'NPS (% promoters 9–10 − % detractors 0–6) and CSAT (share of answers 4–5) over a period, per account and for the portfolio, with the counts',
      querystring: z.object({
        from: isoDate.optional().describe('First day (YYYY-MM-DD); a year before `to` when left out'),
        to: isoDate.optional().describe('Last day (YYYY-MM-DD); today when left out'),
        account: z.string().max(100).optional().describe('Only this account'),
      }),
      response: { 200: sentimentSchema, ...errorResponses },
    },
    handler: async (request) => {
      const scope = scopeOf(principalOf(request));
      return sentimentReport(db, scope, periodOf(request.query, ctx.now()), request.query.account);
    },
  });
}
