import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { itemsOf, refusal } from './request-errors.ts';
import { auditRecorded, readRecordListQuery, recordListQuery } from './record-routes.service.ts';
import { stakeholdersSchema, touchBody, touchItem, touchSchema } from './relationship.schemas.ts';
import { accountStakeholders } from './stakeholders.service.ts';
import { applyTouchBatch, listTouches } from './touch.service.ts';
import { TOUCH_KINDS, type TouchRecord } from './touch.ts';

const toRecord = (item: z.infer<typeof touchItem>): TouchRecord => ({
  kind: item.kind,
  occurredAt: new Date(item.occurredAt).toISOString(),
  subject: item.subject || null,
  direction: item.direction ?? null,
  source: item.source ?? 'api',
  externalId: item.externalId ?? null,
  accountRef: item.accountId ?? null,
  accountName: null,
  contactRefs: [...new Set(item.contactIds ?? [])],
  emails: [...new Set((item.emails ?? []).map((e) => e.toLowerCase()))],
});

/** Touches (meetings, calls, emails with an account's people) and an account's stakeholders. */
export function touchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/relationship/touches', {
    config: { access: 'relationship:write', idempotent: true },
    schema: {
      tags: ['relationship'],
      summary:
        'Record meetings, calls or emails with an account’s people, one or a batch (all or none); each moves its contacts’ last touch forward, never back',
      body: touchBody,
      response: {
        201: z.object({ created: z.number(), unchanged: z.number(), items: z.array(touchSchema) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { items, batch } = itemsOf(request.body, (fields) => touchItem.parse(fields), 'touch');
      const workspaceId = principal.workspaceId;
      const result = await db.transaction().execute(async (trx) => {
        const out = await applyTouchBatch(
          trx,
          { workspaceId, now: ctx.now() },
          items.map((item, i) => ({ row: i + 1, record: toRecord(item) })),
        );
        if (out.errors.length)
          throw refusal(out.errors, batch, (f) =>
            f === 'account' ? 'accountId' : f === 'occurred_at' ? 'occurredAt' : 'emails',
          );
        await auditRecorded(trx, principal, request.id, 'touch.record', out);
        return out;
      });
      return reply.status(201).send({
        created: result.created,
        unchanged: result.unchanged,
        items: result.touches.map((x) => x.touch),
      });
    },
  });

  r.get('/api/v1/relationship/touches', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary: 'Touches, newest first',
      querystring: recordListQuery(TOUCH_KINDS),
      response: { 200: z.object({ items: z.array(touchSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { workspaceId, filter } = await readRecordListQuery(db, principalOf(request), request.query);
      return { items: await listTouches(db, workspaceId, filter) };
    },
  });

  r.get('/api/v1/relationship/accounts/:id/stakeholders', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary:
        'An account’s stakeholders: role, last touch and days since, latest NPS and CSAT; and the account’s NPS and CSAT over the last year',
      params: idParams,
      response: { 200: stakeholdersSchema, ...errorResponses },
    },
    handler: async (request) => accountStakeholders(db, scopeOf(principalOf(request)), request.params.id, ctx.now()),
  });
}
